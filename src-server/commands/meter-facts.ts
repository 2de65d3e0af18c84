import { sql } from 'drizzle-orm'
import { z } from 'zod'
import { validate } from '../../src-shared/api/validation'
import { officeDate } from '../../src-shared/dates'
import {
  meterReadingFlags,
  meterReadingRows,
  newMeterRow,
  type MeterReadingFact,
} from '../../src-shared/meters/meter-rows'
import type { OldMeterFacts, NewMeterArgs } from '../../src-shared/meters/schemas'
import type { Zone } from '../../src-shared/readings/domain'
import { readingPeriod } from '../../src-shared/readings/period'
import type { DatedValue } from '../../src-shared/readings/register'
import { readingRulesFrom } from '../../src-shared/readings/rule-settings'
import { syncMessages } from '../../src-shared/sync/messages'
import type { ServerDb } from '../db/connection'
import { queryRow, queryRows } from '../db/query'
import { settingsOn } from '../settings/settings'
import type { SyncedWriter } from '../sync/synced-write'
import { accountInBranch } from './lookups'
import { reject, type ServerCommandContext } from './server-command'

/** The office's today when the clerk made the command, and that day's billing period. */
export async function commandDay(tx: ServerDb, at: string, timeZone: string) {
  const today = officeDate(new Date(at), timeZone)
  const rules = readingRulesFrom(await settingsOn(tx, today))
  return { today, period: readingPeriod(today, rules.readingCutoffDay).period }
}

/** The arguments checked again with the server's facts, or the command is rejected. */
export function recheck<S extends z.ZodType>(schema: S, args: unknown): z.output<S> {
  const result = validate(schema, args)
  if (!result.ok) reject(result.error.message)
  return result.value
}

export async function openAccountInBranch(tx: ServerDb, accountId: string, branchId: string) {
  const account = await accountInBranch(tx, accountId, branchId)
  if (!account) reject(syncMessages.accountNotFound)
  if (account.status !== 'open') reject(`Лицевой счет ${account.number} закрыт.`)
  return account
}

export interface ServerOldMeter extends OldMeterFacts {
  id: string
  service: string
  model: string
  serialNumber: string
  transformationRatio: number
}

/** An active meter of the account with its latest standing reading per zone. */
export async function activeMeterOf(tx: ServerDb, accountId: string, meterId: string) {
  const meter = await queryRow<Omit<ServerOldMeter, 'previous'>>(
    tx,
    sql`SELECT id, service, model, serial_number AS "serialNumber", zones, int_digits AS "intDigits",
               frac_digits AS "fracDigits", transformation_ratio AS "transformationRatio",
               installed_at AS "installedAt"
          FROM meters WHERE id = ${meterId} AND account_id = ${accountId} AND status = 'active'
           AND deleted_at IS NULL`,
  )
  if (!meter) reject(syncMessages.meterNotFound)
  const rows = await queryRows<{ zone: Zone; date: string; value: number }>(
    tx,
    sql`SELECT DISTINCT ON (r.zone) r.zone, r.reading_date AS date, r.value
          FROM readings r
         WHERE r.meter_id = ${meterId} AND r.status IN ('accepted', 'billed') AND r.deleted_at IS NULL
           AND NOT EXISTS (SELECT 1 FROM reading_deletions d WHERE d.reading_id = r.id)
         ORDER BY r.zone, r.reading_date DESC, r.entered_at DESC`,
  )
  const previous: Partial<Record<Zone, DatedValue>> = {}
  for (const r of rows) previous[r.zone] = { date: r.date, value: Number(r.value) }
  return { ...meter, previous } satisfies ServerOldMeter
}

/** Serial numbers are unique per model among active meters of every branch. */
export async function assertSerialFree(tx: ServerDb, meter: NewMeterArgs) {
  const taken = await queryRow<{ number: string }>(
    tx,
    sql`SELECT a.number FROM meters m JOIN accounts a ON a.id = m.account_id
         WHERE m.model = ${meter.model} AND m.serial_number = ${meter.serialNumber}
           AND m.status = 'active' AND m.deleted_at IS NULL`,
  )
  if (taken) {
    reject(
      `Заводской номер: счетчик ${meter.model} № ${meter.serialNumber} уже установлен ` +
        `(лицевой счет ${taken.number}).`,
    )
  }
}

export async function assertServiceOnAccount(tx: ServerDb, accountId: string, service: string) {
  const found = await queryRow(
    tx,
    sql`SELECT 1 FROM account_services WHERE account_id = ${accountId} AND service = ${service}
           AND deleted_at IS NULL`,
  )
  if (!found) reject('Услуга: не подключена на этом лицевом счете.')
}

/** Queues the meter row of a new meter under the workstation's id. */
export async function insertNewMeter(
  write: SyncedWriter,
  id: string,
  accountId: string,
  meter: NewMeterArgs,
) {
  await write.insert('meters', [newMeterRow(id, accountId, meter)])
}

type ZoneIds = Partial<Record<Zone, string>>

/**
 * meter.remove's and meter.replace's first checks: the command's day, the account open in the
 * workstation's branch, and the active meter the command names.
 */
export async function dayAndOldMeter(
  tx: ServerDb,
  input: { timeZone: string; accountId: string; meterId: string },
  ctx: ServerCommandContext,
) {
  const { today, period } = await commandDay(tx, ctx.at, input.timeZone)
  await openAccountInBranch(tx, input.accountId, ctx.branchId)
  const old = await activeMeterOf(tx, input.accountId, input.meterId)
  return { today, period, old }
}

/**
 * A new meter (its serial free among active meters of its model) with its initial reading per
 * zone, under the workstation's ids: the second half of a replacement is an installation.
 */
export async function installNewMeter(
  tx: ServerDb,
  write: SyncedWriter,
  ids: { newMeterId: string; initialReadingIds: ZoneIds },
  args: { accountId: string; meter: NewMeterArgs },
  period: string,
  ctx: ServerCommandContext,
) {
  await assertSerialFree(tx, args.meter)
  await insertNewMeter(write, ids.newMeterId, args.accountId, args.meter)
  await insertMeterReadings(
    write,
    {
      meterId: ids.newMeterId,
      accountId: args.accountId,
      typed: args.meter.initialReadings,
      ids: ids.initialReadingIds,
      meter: args.meter,
      date: args.meter.installedAt,
      period,
      flag: meterReadingFlags.installed,
    },
    ctx,
  )
}

/** An active meter's final reading per zone under the workstation's ids, then its removal. */
export async function removeOldMeter(
  write: SyncedWriter,
  old: ServerOldMeter,
  ids: { finalReadingIds: ZoneIds },
  args: { accountId: string; finalReadings: ZoneIds },
  at: { date: string; period: string },
  ctx: ServerCommandContext,
) {
  await insertMeterReadings(
    write,
    {
      meterId: old.id,
      accountId: args.accountId,
      typed: args.finalReadings,
      ids: ids.finalReadingIds,
      meter: old,
      previous: old.previous,
      date: at.date,
      period: at.period,
      flag: meterReadingFlags.removed,
    },
    ctx,
  )
  await write.update('meters', old.id, { status: 'removed', removedAt: at.date })
}

export interface ServerMeterReadings extends MeterReadingFact {
  /** The workstation's ids of the readings, by zone. */
  ids: Partial<Record<Zone, string>>
}

/** Queues an initial or final reading per zone, measured on this meter only. */
export async function insertMeterReadings(
  write: SyncedWriter,
  r: ServerMeterReadings,
  ctx: ServerCommandContext,
) {
  const rows = meterReadingRows(
    r,
    (zone) => r.ids[zone] ?? reject(syncMessages.invalidArgs(`нет id показания зоны ${zone}`)),
    ctx,
  )
  await write.insert('readings', rows)
}
