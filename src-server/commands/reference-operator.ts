import { sql } from 'drizzle-orm'
import { syncMessages } from '../../src-shared/sync/messages'
import { queryRow } from '../db/query'
import { settingsMessages } from './reference-admin'
import { reject, serverCommand } from './server-command'

/**
 * operator.save v1: creates, edits or deactivates an operator. The workstation sends the scrypt
 * hash of a new password, never the password. An operator of an office belongs to its branch;
 * an admin without an office is global. A branch admin (role and live session checked before)
 * touches only operators of their own branch and never makes a global admin: nobody grants more
 * than their own scope.
 */
export const operatorSave = serverCommand({
  name: 'operator.save',
  async apply(tx, write, args, ctx) {
    const { operatorId, created, passwordHash, ...values } = args
    if (!values.officeId && !ctx.operatorCentral) reject(syncMessages.adminScope)
    const found = await queryRow<{ office: boolean; taken: boolean }>(
      tx,
      sql`SELECT EXISTS (SELECT 1 FROM offices WHERE id = ${values.officeId ?? ''}
                           AND branch_id = ${ctx.branchId} AND deleted_at IS NULL) AS office,
                 EXISTS (SELECT 1 FROM operators WHERE login = ${values.login}
                           AND id <> ${operatorId}) AS taken`,
    )
    if (values.officeId && !found!.office) reject(settingsMessages.notFound('Офис'))
    if (found!.taken) reject(`Логин: ${values.login} уже занят.`)
    const old = await queryRow<{
      active: number
      officeId: string | null
      branchId: string | null
    }>(
      tx,
      sql`SELECT o.active, o.office_id AS "officeId", f.branch_id AS "branchId"
            FROM operators o LEFT JOIN offices f ON f.id = o.office_id
           WHERE o.id = ${operatorId}`,
    )
    if (!created && !old) reject(settingsMessages.notFound('Оператор'))
    // Another branch's operator, or a central admin, is out of a branch admin's reach.
    if (old && !ctx.operatorCentral && (old.officeId === null || old.branchId !== ctx.branchId))
      reject(syncMessages.adminScope)
    if (!old && !passwordHash) reject('Пароль: не задан для нового оператора.')
    const branchId = values.officeId ? ctx.branchId : null
    const writer = branchId ? write : write.global()
    const wasActive = old ? Number(old.active) === 1 : true
    const row = {
      ...values,
      active: values.active ? 1 : 0,
      ...(passwordHash ? { passwordHash } : {}),
      // Commands made before a deactivation are still theirs to have made.
      ...(wasActive !== values.active && { deactivatedAt: values.active ? null : ctx.at }),
    }
    if (old) await writer.update('operators', operatorId, { ...row, branchId })
    else await writer.insert('operators', [{ id: operatorId, ...row, createdAt: ctx.at }])
    if (writer !== write) await writer.flush()
    return { operatorId }
  },
})
