import type { SessionInfo } from '../../src-shared/operators/contract'
import type { AuditAction } from '../../src-shared/audit/actions'
import { sessionMessages } from '../../src-shared/operators/messages'
import { officeToday } from '../api/context'
import { workstationActor, writeAudit } from '../audit/audit-log'
import type { DomainHandlers, HandlerContext } from '../api/dispatch'
import { ApiFailure } from '../api/failure'
import { readSetting } from '../settings/settings'
import { lockoutMessage } from '../../src-shared/operators/lockout'
import { clearFailures, countFailure, refuseWhileLocked } from './lockout'
import { checkLogin } from './online-login'
import { checkCredentials, findOperator } from './credentials'
import { revokeOnServer } from './online-session'
import type { Session } from './sessions'

const badCredentials = 'Неверный логин или пароль.'

function audit(
  ctx: HandlerContext,
  operatorId: string | null,
  action: AuditAction,
  details?: unknown,
): void {
  const db = ctx.services.db
  writeAudit(db, workstationActor(db, operatorId, ctx.services.clock()), {
    action,
    entity: 'operator',
    entityId: operatorId ?? undefined,
    details,
  })
}

function info(ctx: HandlerContext, session: Session): SessionInfo {
  const today = officeToday(ctx)
  return {
    operatorId: session.operatorId,
    login: session.login,
    fullName: session.fullName,
    role: session.role,
    locked: session.locked,
    screenLockMinutes: readSetting(ctx.services.db, 'screenLockMinutes', today),
  }
}

export const operatorHandlers: DomainHandlers<'session'> = {
  'session.login': async (input, ctx) => {
    const services = ctx.services
    const failed = (action: AuditAction) => {
      const known = findOperator(services.db, input.login)
      audit(ctx, known?.id ?? null, action, { login: input.login })
    }
    try {
      refuseWhileLocked(services, 'login', input.login)
    } catch (refusal) {
      failed('session.login_locked')
      throw refusal
    }
    const checked = await checkLogin(services, input.login, input.password)
    if (!checked) {
      failed('session.login_failed')
      const wait = countFailure(services, 'login', input.login)
      if (wait > 0) throw new ApiFailure('rate_limited', lockoutMessage('login', wait))
      throw new ApiFailure('bad_credentials', badCredentials)
    }
    clearFailures(services, 'login', input.login)
    const { operator, token } = checked
    // Another operator logging in over this window's session: that session's token ends too.
    const replaced = ctx.session?.token
    if (replaced) void revokeOnServer(ctx.services, replaced)
    const session = ctx.services.sessions.start(
      ctx.clientKey,
      {
        operatorId: operator.id,
        login: operator.login,
        fullName: operator.fullName,
        role: operator.role,
        officeId: operator.officeId,
        token,
      },
      ctx.services.clock(),
    )
    audit(ctx, operator.id, 'session.login')
    return info(ctx, session)
  },

  'session.current': (_input, ctx) => {
    if (ctx.session) return info(ctx, ctx.session)
    // The window learns why it is on the login screen (the renderer shows it there).
    if (ctx.services.sessions.wasEndedByServer(ctx.clientKey)) {
      throw new ApiFailure('session_ended', sessionMessages.endedByServer)
    }
    return null
  },

  'session.logout': (_input, ctx) => {
    if (ctx.session) audit(ctx, ctx.session.operatorId, 'session.logout')
    const token = ctx.session?.token
    ctx.services.sessions.end(ctx.clientKey)
    // Not awaited: logging out never waits for the network.
    if (token) void revokeOnServer(ctx.services, token)
    return null
  },

  'session.lock': (_input, ctx) => {
    ctx.services.sessions.lock(ctx.clientKey)
    return null
  },

  'session.unlock': (input, ctx) => {
    const session = ctx.session!
    try {
      refuseWhileLocked(ctx.services, 'unlock', session.operatorId)
    } catch (refusal) {
      audit(ctx, session.operatorId, 'session.unlock_locked')
      throw refusal
    }
    if (!checkCredentials(ctx.services.db, session.login, input.password)) {
      audit(ctx, session.operatorId, 'session.unlock_failed')
      const wait = countFailure(ctx.services, 'unlock', session.operatorId)
      if (wait > 0) throw new ApiFailure('rate_limited', lockoutMessage('unlock', wait))
      throw new ApiFailure('bad_credentials', 'Неверный пароль.', { password: 'Пароль: неверный.' })
    }
    clearFailures(ctx.services, 'unlock', session.operatorId)
    audit(ctx, session.operatorId, 'session.unlock')
    return info(ctx, ctx.services.sessions.unlock(ctx.clientKey, ctx.services.clock())!)
  },
}
