import { officeToday } from '../api/context'
import type { DomainHandlers } from '../api/dispatch'
import type { Db } from '../db/connection'
import { prepared } from '../db/prepared'
import { currentDevice } from '../workstation/device'
import { notificationsOfAccount } from './account-notifications'
import { listNotifications } from './notification-list'

/** The office this workstation serves, or null before it is registered. */
function workstationOffice(db: Db): string | null {
  const { workstationId } = currentDevice(db)
  if (!workstationId) return null
  const row = prepared(
    db.$client,
    'SELECT office_id AS officeId FROM workstations WHERE id = ?',
  ).get(workstationId) as { officeId: string } | undefined
  return row?.officeId ?? null
}

export const notificationHandlers: DomainHandlers<'notifications'> = {
  'notifications.account': (input, ctx) =>
    notificationsOfAccount(
      ctx.services.db,
      input.accountId,
      officeToday(ctx),
      ctx.services.clock(),
    ),
  'notifications.list': (input, ctx) =>
    listNotifications(ctx.services.db, {
      ...input,
      officeId: workstationOffice(ctx.services.db),
      today: officeToday(ctx),
      now: ctx.services.clock(),
    }),
}
