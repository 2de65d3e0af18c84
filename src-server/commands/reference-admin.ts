import { sql } from 'drizzle-orm'
import { officeDate } from '../../src-shared/dates'
import type { ServerDb } from '../db/connection'
import { queryRow } from '../db/query'
import { settingsOn } from '../settings/settings'
import { reject, type ServerCommandContext } from './server-command'

export const referenceMessages = {
  adminOnly: 'Справочники меняет только администратор: команда отклонена.',
  inPast: (today: string) => `Действует с: не раньше ${today} (прошлое не переписывается).`,
  notFound: (what: string) => `${what}: не найден на сервере.`,
}

/**
 * The server is the source of truth for reference data: whatever the workstation let through,
 * a command from an operator who is not an active admin is refused.
 */
export async function requireAdmin(tx: ServerDb, ctx: ServerCommandContext): Promise<void> {
  const operator = ctx.operatorId
    ? await queryRow<{ role: string; active: number }>(
        tx,
        sql`SELECT role, active FROM operators WHERE id = ${ctx.operatorId} AND deleted_at IS NULL`,
      )
    : undefined
  if (!operator || operator.role !== 'admin' || operator.active !== 1) {
    reject(referenceMessages.adminOnly)
  }
}

/** A dated value may start on the office's day the command was made, or later. */
export async function requireNotPast(tx: ServerDb, validFrom: string, at: string): Promise<void> {
  const instant = new Date(at)
  const zone = (await settingsOn(tx, instant.toISOString().slice(0, 10)))('officeTimeZone')
  const today = officeDate(instant, zone)
  if (validFrom < today) reject(referenceMessages.inPast(today))
}
