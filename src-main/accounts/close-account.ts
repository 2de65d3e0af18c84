import { and, eq } from 'drizzle-orm'
import { uuidv7 } from 'uuidv7'
import { futureDateIssue, type CloseAccountArgs } from '../../src-shared/accounts/change-schemas'
import { checkFinalReadings, type ClosingMeter } from '../../src-shared/accounts/final-readings'
import { accountMessages } from '../../src-shared/accounts/messages'
import { officeDate, periodOf } from '../../src-shared/dates'
import type { Zone } from '../../src-shared/readings/domain'
import type { ZoneCount } from '../../src-shared/readings/zone-label'
import { ApiFailure } from '../api/failure'
import type { CommandDef } from '../commands/command'
import type { Db } from '../db/connection'
import { prepared } from '../db/prepared'
import { accounts, meters, readings } from '../db/schema'
import { readSetting } from '../settings/settings'
import { storedAccount } from './account-fields'
import { assertVersion } from './edit-account'
import { indexAccount } from './search-index'

/** Marks the final readings among the readings (the reading history shows why they are there). */
export const finalReadingFlag = 'final_reading'

/** The account's active meters with the last standing reading of each zone. */
export function closingMeters(db: Db, accountId: string): ClosingMeter[] {
  const list = prepared(
    db.$client,
    `SELECT id, serial_number AS serialNumber, zones, int_digits AS intDigits, frac_digits AS fracDigits,
            transformation_ratio AS transformationRatio
       FROM meters WHERE account_id = ? AND status = 'active' ORDER BY service, serial_number`,
  ).all(accountId) as (Omit<ClosingMeter, 'previous' | 'zones'> & { zones: ZoneCount })[]
  const last = prepared(
    db.$client,
    `SELECT r.zone, r.value, r.reading_date AS date FROM readings r
      WHERE r.meter_id = ? AND r.status IN ('accepted', 'billed')
        AND NOT EXISTS (SELECT 1 FROM reading_deletions d WHERE d.reading_id = r.id)
      ORDER BY r.reading_date, r.entered_at`,
  )
  return list.map((m) => {
    const previous: ClosingMeter['previous'] = {}
    for (const r of last.all(m.id) as { zone: Zone; value: number; date: string }[])
      previous[r.zone] = { value: r.value, date: r.date }
    return { ...m, previous }
  })
}

/**
 * account.close (move-out): a final reading for every zone of every active meter (stored as
 * readings from the chosen source, flagged final), the meters removed, the account closed with
 * its date and reason. Refused when already closed or changed since the clerk opened the dialog.
 * The account stays: findable, readable, its ledger intact.
 */
export const closeAccount: CommandDef<CloseAccountArgs, { readingIds: string[] }, 'account.close'> =
  {
    name: 'account.close',
    argsVersion: 2,
    apply(tx, args, ctx) {
      const stored = storedAccount(tx, args.accountId)
      if (stored.status === 'closed')
        throw new ApiFailure('conflict', accountMessages.alreadyClosed(stored.closedAt))
      assertVersion(tx, stored, args.expectedVersion)
      const today = officeDate(ctx.now, readSetting(tx, 'officeTimeZone', ctx.at.slice(0, 10)))
      const dateIssue = futureDateIssue(args.date, today)
      if (dateIssue) {
        const message = `Дата закрытия: ${dateIssue}`
        throw new ApiFailure('invalid_input', message, { date: message })
      }
      const checked = checkFinalReadings(
        closingMeters(tx, args.accountId),
        args.finalReadings,
        args.date,
      )
      if (!checked.ok) {
        const messages = Object.values(checked.fields)
        throw new ApiFailure('invalid_input', messages.join(' '), checked.fields)
      }
      // The final bill covers consumption up to the move-out date: its month is the period.
      const period = periodOf(args.date)
      const rows = checked.readings.map((r) => ({
        id: uuidv7(),
        ...r,
        readingDate: args.date,
        period,
        source: args.source,
        status: 'accepted' as const,
        flags: JSON.stringify([finalReadingFlag]),
      }))
      for (const row of rows) {
        tx.insert(readings)
          .values({
            ...row,
            accountId: args.accountId,
            enteredAt: ctx.at,
            operatorId: ctx.operatorId,
            workstationId: ctx.workstationId,
          })
          .run()
      }
      tx.update(meters)
        .set({ status: 'removed', removedAt: args.date })
        .where(and(eq(meters.accountId, args.accountId), eq(meters.status, 'active')))
        .run()
      const version = stored.version + 1
      tx.update(accounts)
        .set({
          status: 'closed',
          closedAt: args.date,
          closeReason: args.reason,
          version,
          updatedAt: ctx.at,
        })
        .where(eq(accounts.id, args.accountId))
        .run()
      indexAccount(tx, args.accountId)
      return {
        result: { readingIds: rows.map((r) => r.id) },
        recorded: {
          ...args,
          readings: rows.map(({ id, meterId, zone }) => ({ id, meterId, zone })),
        },
        audit: [
          {
            action: 'account.close',
            entity: 'account',
            entityId: args.accountId,
            accountId: args.accountId,
            details: {
              version: { old: stored.version, new: version },
              changes: [
                { field: 'status', old: 'open', new: 'closed' },
                { field: 'closedAt', old: null, new: args.date },
                { field: 'closeReason', old: null, new: args.reason },
              ],
              finalReadings: checked.readings,
            },
          },
        ],
      }
    },
  }
