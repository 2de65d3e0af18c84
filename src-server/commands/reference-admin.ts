import { officeDate } from '../../src-shared/dates'
import { syncMessages } from '../../src-shared/sync/messages'
import { sql } from 'drizzle-orm'
import type { ServerDb } from '../db/connection'
import { queryRow } from '../db/query'
import { settingsOn } from '../settings/settings'
import { reject, type ServerCommandContext } from './server-command'

export const settingsMessages = {
  inPast: (today: string) => `Действует с: не раньше ${today} (прошлое не переписывается).`,
  notFound: (what: string) => `${what}: не найден на сервере.`,
}

/**
 * Global rows (tariffs, suppliers, settings, admins without an office) are a central admin's: a
 * branch admin's scope is their own branch. Role and live session are checked before the applier.
 */
export function requireCentralAdmin(ctx: ServerCommandContext): void {
  if (!ctx.operatorCentral) reject(syncMessages.adminScope)
}

/** A supplier (not deleted) the server holds under this id. */
export async function supplierExists(tx: ServerDb, supplierId: string): Promise<boolean> {
  const row = await queryRow(
    tx,
    sql`SELECT 1 FROM suppliers WHERE id = ${supplierId} AND deleted_at IS NULL`,
  )
  return row !== undefined
}

/** A dated value may start on the office's day the command was made, or later. */
export async function requireNotPast(tx: ServerDb, validFrom: string, at: string): Promise<void> {
  const instant = new Date(at)
  const zone = (await settingsOn(tx, instant.toISOString().slice(0, 10)))('officeTimeZone')
  const today = officeDate(instant, zone)
  if (validFrom < today) reject(settingsMessages.inPast(today))
}

/** A central admin's new global price or rate of a supplier: from today or later, supplier known. */
export async function requireSupplierDatedChange(
  tx: ServerDb,
  args: { validFrom: string; supplierId: string },
  ctx: ServerCommandContext,
): Promise<void> {
  requireCentralAdmin(ctx)
  await requireNotPast(tx, args.validFrom, ctx.at)
  if (!(await supplierExists(tx, args.supplierId))) reject(settingsMessages.notFound('Поставщик'))
}
