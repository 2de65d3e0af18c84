import type { SessionInfo } from '../../src-shared/operators/contract'
import { officeToday } from '../api/context'
import { writeAudit } from '../audit/audit-log'
import type { Handler, HandlerContext } from '../api/dispatch'
import { ApiFailure } from '../api/failure'
import { readSetting } from '../settings/settings'
import { currentDevice } from '../workstation/device'
import { checkLogin } from './online-login'
import { checkCredentials, findOperator } from './credentials'
import type { Session } from './sessions'

const badCredentials = 'Неверный логин или пароль.'

function audit(
  ctx: HandlerContext,
  operatorId: string | null,
  action: string,
  details?: unknown,
): void {
  const device = currentDevice(ctx.services.db)
  writeAudit(
    ctx.services.db,
    {
      operatorId,
      workstationId: device.workstationId,
      deviceId: device.deviceId,
      at: ctx.services.clock().toISOString(),
    },
    { action, entity: 'operator', entityId: operatorId ?? undefined, details },
  )
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

export const operatorHandlers: {
  'session.login': Handler<'session.login'>
  'session.current': Handler<'session.current'>
  'session.logout': Handler<'session.logout'>
  'session.lock': Handler<'session.lock'>
  'session.unlock': Handler<'session.unlock'>
} = {
  'session.login': async (input, ctx) => {
    const operator = await checkLogin(ctx.services, input.login, input.password)
    if (!operator) {
      const known = findOperator(ctx.services.db, input.login)
      audit(ctx, known?.id ?? null, 'session.login_failed', { login: input.login })
      throw new ApiFailure('bad_credentials', badCredentials)
    }
    const session = ctx.services.sessions.start(
      ctx.clientKey,
      {
        operatorId: operator.id,
        login: operator.login,
        fullName: operator.fullName,
        role: operator.role,
        officeId: operator.officeId,
      },
      ctx.services.clock(),
    )
    audit(ctx, operator.id, 'session.login')
    return info(ctx, session)
  },

  'session.current': (_input, ctx) => (ctx.session ? info(ctx, ctx.session) : null),

  'session.logout': (_input, ctx) => {
    if (ctx.session) audit(ctx, ctx.session.operatorId, 'session.logout')
    ctx.services.sessions.end(ctx.clientKey)
    return null
  },

  'session.lock': (_input, ctx) => {
    ctx.services.sessions.lock(ctx.clientKey)
    return null
  },

  'session.unlock': (input, ctx) => {
    const session = ctx.session!
    if (!checkCredentials(ctx.services.db, session.login, input.password)) {
      audit(ctx, session.operatorId, 'session.unlock_failed')
      throw new ApiFailure('bad_credentials', 'Неверный пароль.', { password: 'Пароль: неверный.' })
    }
    audit(ctx, session.operatorId, 'session.unlock')
    return info(ctx, ctx.services.sessions.unlock(ctx.clientKey, ctx.services.clock())!)
  },
}
