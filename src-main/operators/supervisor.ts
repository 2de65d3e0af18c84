import type { HandlerContext } from '../api/dispatch'
import type { AuditAction } from '../../src-shared/audit/actions'
import { ApiFailure } from '../api/failure'
import { lockoutMessage } from '../../src-shared/operators/lockout'
import { workstationActor, writeAudit } from '../audit/audit-log'
import { checkCredentials, findOperator, type OperatorRow } from './credentials'
import { clearFailures, countFailure, refuseWhileLocked } from './lockout'

export type Supervisor = Pick<OperatorRow, 'id' | 'fullName'>

/** A wrong supervisor's password is in the log like a wrong login: who tried, for whom. */
function auditFailure(ctx: HandlerContext, login: string, action: AuditAction): void {
  const db = ctx.services.db
  const known = findOperator(db, login)
  writeAudit(db, workstationActor(db, ctx.session?.operatorId ?? null, ctx.services.clock()), {
    action,
    entity: 'operator',
    entityId: known?.id,
    details: { login },
  })
}

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
  const services = ctx.services
  try {
    refuseWhileLocked(services, 'supervisor', given.login)
  } catch (refusal) {
    auditFailure(ctx, given.login, 'supervisor.confirm_locked')
    throw refusal
  }
  const operator = checkCredentials(services.db, given.login, given.password)
  if (!operator || operator.role !== 'supervisor') {
    auditFailure(ctx, given.login, 'supervisor.confirm_failed')
    const wait = countFailure(services, 'supervisor', given.login)
    const message =
      wait > 0
        ? lockoutMessage('supervisor', wait)
        : 'Старший смены: неверный логин или пароль, или у этого сотрудника нет такой роли.'
    throw new ApiFailure(wait > 0 ? 'rate_limited' : 'bad_credentials', message, {
      supervisor: message,
    })
  }
  clearFailures(services, 'supervisor', given.login)
  return operator
}
