import { sql } from 'drizzle-orm'
import { futureDateIssue } from '../../src-shared/accounts/change-schemas'
import { checkFinalReadings, type ClosingMeter } from '../../src-shared/accounts/final-readings'
import { accountMessages } from '../../src-shared/accounts/messages'
import { officeDate, periodOf } from '../../src-shared/dates'
import type { Zone } from '../../src-shared/readings/domain'
import { syncMessages } from '../../src-shared/sync/messages'
import { assertServerVersion, lockAccount } from '../accounts/account-rows'
import type { ServerDb } from '../db/connection'
import { queryRows } from '../db/query'
import { settingsOn } from '../settings/settings'
import { reject, serverCommand } from './server-command'

/** The account's active meters on the server, with the last standing reading per zone. */
async function serverClosingMeters(tx: ServerDb, accountId: string): Promise<ClosingMeter[]> {
  const meters = await queryRows<Omit<ClosingMeter, 'previous'>>(
    tx,
    sql`SELECT id, serial_number AS "serialNumber", zones, int_digits AS "intDigits",
               frac_digits AS "fracDigits", transformation_ratio AS "transformationRatio"
          FROM meters WHERE account_id = ${accountId} AND status = 'active' AND deleted_at IS NULL
         ORDER BY service, serial_number`,
  )
  const last = await queryRows<{ meterId: string; zone: Zone; value: number; date: string }>(
    tx,
    sql`SELECT DISTINCT ON (r.meter_id, r.zone) r.meter_id AS "meterId", r.zone, r.value,
               r.reading_date AS date
          FROM readings r
         WHERE r.account_id = ${accountId} AND r.status IN ('accepted', 'billed')
           AND r.deleted_at IS NULL
           AND NOT EXISTS (SELECT 1 FROM reading_deletions d WHERE d.reading_id = r.id)
         ORDER BY r.meter_id, r.zone, r.reading_date DESC, r.entered_at DESC`,
  )
  return meters.map((m) => {
    const previous: ClosingMeter['previous'] = {}
    for (const r of last)
      if (r.meterId === m.id) previous[r.zone] = { value: Number(r.value), date: r.date }
    return {
      ...m,
      zones: Number(m.zones) as ClosingMeter['zones'],
      intDigits: Number(m.intDigits),
      fracDigits: Number(m.fracDigits),
      transformationRatio: Number(m.transformationRatio),
      previous,
    }
  })
}

/**
 * account.close (move-out; v1 and v2 read alike): the final readings checked again by the shared rule against the
 * server's meters and readings, stored under the workstation's ids; meters removed; the account
 * closed. Refused when the account is already closed or moved past the version the clerk saw.
 */
export const accountClose = serverCommand({
  name: 'account.close',
  async apply(tx, write, args, ctx) {
    const account = await lockAccount(tx, args.accountId, ctx.branchId)
    if (account.status === 'closed') reject(accountMessages.alreadyClosed(account.closedAt))
    await assertServerVersion(tx, account, args.expectedVersion)
    const timeZone = (await settingsOn(tx, ctx.at.slice(0, 10)))('officeTimeZone')
    const issue = futureDateIssue(args.date, officeDate(new Date(ctx.at), timeZone))
    if (issue) reject(syncMessages.invalidArgs(`Дата закрытия: ${issue}`))
    const meters = await serverClosingMeters(tx, account.id)
    const checked = checkFinalReadings(meters, args.finalReadings, args.date)
    if (!checked.ok) reject(Object.values(checked.fields)[0]!)
    const rows = checked.readings.map((r) => {
      const made = args.readings.find((x) => x.meterId === r.meterId && x.zone === r.zone)
      if (!made) reject(syncMessages.meterNotFound)
      return {
        id: made.id,
        ...r,
        accountId: account.id,
        readingDate: args.date,
        enteredAt: ctx.at,
        period: periodOf(args.date),
        source: args.source,
        status: 'accepted',
        flags: JSON.stringify(['final_reading']),
        operatorId: ctx.operatorId,
        workstationId: ctx.workstationId,
      }
    })
    await write.insert('readings', rows)
    for (const m of meters)
      await write.update('meters', m.id, { status: 'removed', removedAt: args.date })
    await write.update('accounts', account.id, {
      status: 'closed',
      closedAt: args.date,
      closeReason: args.reason,
      version: account.version + 1,
      updatedAt: ctx.at,
    })
    return { readingIds: rows.map((r) => r.id) }
  },
})
