import { and, eq, ne } from 'drizzle-orm'
import { uuidv7 } from 'uuidv7'
import { officeDate } from '../../src-shared/dates'
import { newPasswordProblem } from '../../src-shared/operators/password-rules'
import type { OperatorRecord, OperatorSaveArgs } from '../../src-shared/settings/schemas'
import { ApiFailure } from '../api/failure'
import type { CommandDef } from '../commands/command'
import { offices, operators } from '../db/schema'
import { hashPassword } from '../../src-node/operators/password'
import { readSetting } from './settings'
import { savedEntry } from '../audit/audit-log'

/**
 * operator.save: creates an operator, edits one (name, role, office, a new password) or
 * deactivates one. The password is stored and sent to the server only as its scrypt hash.
 */
export const saveOperator: CommandDef<OperatorSaveArgs, { operatorId: string }, 'operator.save'> = {
  name: 'operator.save',
  argsVersion: 1,
  apply(tx, args, ctx) {
    const { operatorId: given, password, ...values } = args
    const old = given ? tx.select().from(operators).where(eq(operators.id, given)).get() : undefined
    if (given && !old) throw new ApiFailure('not_found', 'Оператор не найден.')
    const operatorId = given ?? uuidv7()
    const loginTaken = tx
      .select({ id: operators.id })
      .from(operators)
      .where(and(eq(operators.login, values.login), ne(operators.id, operatorId)))
      .get()
    if (loginTaken) throw ApiFailure.field('login', `Логин: ${values.login} уже занят.`)
    if (
      values.officeId &&
      !tx.select().from(offices).where(eq(offices.id, values.officeId)).get()
    ) {
      throw ApiFailure.field('officeId', 'Офис: не найден.')
    }
    if (old && operatorId === ctx.operatorId && (!values.active || values.role !== 'admin')) {
      throw ApiFailure.field(
        'active',
        'Работает: администратор не может отключить себя или снять свою роль.',
      )
    }
    if (password !== '') {
      const now = new Date(ctx.at)
      const today = officeDate(
        now,
        readSetting(tx, 'officeTimeZone', officeDate(now, 'Europe/Moscow')),
      )
      const problem = newPasswordProblem(password, readSetting(tx, 'passwordMinLength', today))
      if (problem) throw ApiFailure.field('password', `Пароль: ${problem}.`)
    }
    const passwordHash = password === '' ? null : hashPassword(password)
    if (old) {
      tx.update(operators)
        .set({ ...values, ...(passwordHash ? { passwordHash } : {}) })
        .where(eq(operators.id, operatorId))
        .run()
    } else {
      tx.insert(operators)
        .values({ id: operatorId, ...values, passwordHash: passwordHash!, createdAt: ctx.at })
        .run()
    }
    const recorded: OperatorRecord = {
      operatorId,
      ...values,
      created: !old,
      passwordHash,
    }
    const shown = (o: typeof values) => ({
      login: o.login,
      fullName: o.fullName,
      role: o.role,
      officeId: o.officeId,
      active: o.active,
    })
    return {
      result: { operatorId },
      recorded,
      audit: [
        savedEntry('operator', operatorId, old && shown(old), {
          ...shown(values),
          ...(passwordHash && old ? { passwordChanged: true } : {}),
        }),
      ],
    }
  },
}
