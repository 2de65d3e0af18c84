import type { HandlerContext } from '../api/dispatch'
import { ApiFailure } from '../api/failure'
import { checkCredentials, type OperatorRow } from './credentials'

export type Supervisor = Pick<OperatorRow, 'id' | 'fullName'>

/**
 * The supervisor vouching for an operation: the one logged in, or one confirming here with
 * their login and password. Null when neither.
 */
export function supervisorOf(
  ctx: HandlerContext,
  given: { login: string; password: string } | undefined,
): Supervisor | null {
  const session = ctx.session
  if (session?.role === 'supervisor') return { id: session.operatorId, fullName: session.fullName }
  if (!given) return null
  const operator = checkCredentials(ctx.services.db, given.login, given.password)
  if (!operator || operator.role !== 'supervisor') {
    const message =
      'Старший смены: неверный логин или пароль, или у этого сотрудника нет такой роли.'
    throw new ApiFailure('bad_credentials', message, { supervisor: message })
  }
  return operator
}
