import { sql } from 'drizzle-orm'
import { operatorRecordSchema } from '../../src-shared/reference/schemas'
import { queryRow } from '../db/query'
import { referenceMessages, requireAdmin } from './reference-admin'
import { reject, serverCommand } from './server-command'

/**
 * operator.save v1: creates, edits or deactivates an operator. The workstation sends the scrypt
 * hash of a new password, never the password. An operator of an office belongs to its branch;
 * an admin without an office is global.
 */
export const operatorSave = serverCommand({
  name: 'operator.save',
  argsVersion: 1,
  args: operatorRecordSchema,
  async apply(tx, write, args, ctx) {
    await requireAdmin(tx, ctx)
    const { operatorId, created, passwordHash, ...values } = args
    if (values.officeId) {
      const office = await queryRow(
        tx,
        sql`SELECT 1 FROM offices WHERE id = ${values.officeId} AND branch_id = ${ctx.branchId}
             AND deleted_at IS NULL`,
      )
      if (!office) reject(referenceMessages.notFound('Офис'))
    }
    const taken = await queryRow(
      tx,
      sql`SELECT 1 FROM operators WHERE login = ${values.login} AND id <> ${operatorId}`,
    )
    if (taken) reject(`Логин: ${values.login} уже занят.`)
    const exists = await queryRow(tx, sql`SELECT 1 FROM operators WHERE id = ${operatorId}`)
    if (!created && !exists) reject(referenceMessages.notFound('Оператор'))
    if (!exists && !passwordHash) reject('Пароль: не задан для нового оператора.')
    const branchId = values.officeId ? ctx.branchId : null
    const writer = branchId ? write : write.global()
    const row = {
      ...values,
      active: values.active ? 1 : 0,
      ...(passwordHash ? { passwordHash } : {}),
    }
    if (exists) await writer.update('operators', operatorId, { ...row, branchId })
    else await writer.insert('operators', [{ id: operatorId, ...row, createdAt: ctx.at }])
    if (writer !== write) await writer.flush()
    return { operatorId }
  },
})
