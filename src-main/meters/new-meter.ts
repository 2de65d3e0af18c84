import { eq } from 'drizzle-orm'
import { uuidv7 } from 'uuidv7'
import type { OldMeter } from '../../src-shared/meters/contract'
import {
  meterReadingFlags,
  meterReadingRows,
  newMeterRow,
  type MeterReadingFact,
} from '../../src-shared/meters/meter-rows'
import type { NewMeterArgs } from '../../src-shared/meters/schemas'
import type { Zone } from '../../src-shared/readings/domain'
import { readingPeriod } from '../../src-shared/readings/period'
import { readingRulesFrom } from '../../src-shared/readings/rule-settings'
import { ApiFailure } from '../api/failure'
import type { ApplyContext } from '../commands/command'
import type { Db } from '../db/connection'
import { prepared } from '../db/prepared'
import { meters, readings } from '../db/schema'
import { readSetting } from '../settings/settings'
import { meteredServices } from './meter-facts'

/** Serial numbers are unique per model among active meters (of every account of the replica). */
function assertSerialFree(tx: Db, meter: NewMeterArgs, fieldPrefix: string): void {
  const taken = prepared(
    tx.$client,
    `SELECT a.number FROM meters m JOIN accounts a ON a.id = m.account_id
      WHERE m.model = @model AND m.serial_number = @serialNumber AND m.status = 'active'`,
  )
    .pluck()
    .get({ model: meter.model, serialNumber: meter.serialNumber }) as string | undefined
  if (taken === undefined) return
  const message =
    `Заводской номер: счетчик ${meter.model} № ${meter.serialNumber} уже установлен ` +
    `(лицевой счет ${taken}).`
  throw new ApiFailure('conflict', message, { [`${fieldPrefix}serialNumber`]: message })
}

export function assertServiceOnAccount(
  tx: Db,
  accountId: string,
  meter: NewMeterArgs,
  fieldPrefix: string,
): void {
  if (meteredServices(tx, accountId).includes(meter.service)) return
  const message = 'Услуга: не подключена на этом лицевом счете.'
  throw new ApiFailure('invalid_input', message, { [`${fieldPrefix}service`]: message })
}

/** Inserts an initial or final reading per zone; returns the ids by zone. */
function insertMeterReadings(tx: Db, fact: MeterReadingFact, ctx: ApplyContext) {
  const ids: Partial<Record<Zone, string>> = {}
  const rows = meterReadingRows(fact, (zone) => (ids[zone] = uuidv7()), ctx)
  if (rows.length > 0) tx.insert(readings).values(rows).run()
  return ids
}

/** Inserts the meter row; returns its new id. */
function insertMeter(tx: Db, accountId: string, meter: NewMeterArgs): string {
  const id = uuidv7()
  tx.insert(meters)
    .values(newMeterRow(id, accountId, meter))
    .run()
  return id
}

/** The billing period of readings entered today (after the cutoff day: the next one). */
export function entryPeriod(tx: Db, today: string): string {
  const rules = readingRulesFrom((key) => readSetting(tx, key, today))
  return readingPeriod(today, rules.readingCutoffDay).period
}

/** When a meter change happens: its date and the billing period its readings count in. */
export interface MeterChangeDate {
  date: string
  period: string
}

/** A new meter with its initial reading per zone (meter.install, and meter.replace's second half). */
export function installNewMeter(
  tx: Db,
  accountId: string,
  meter: NewMeterArgs,
  when: MeterChangeDate,
  ctx: ApplyContext,
): { meterId: string; initialReadingIds: Partial<Record<Zone, string>> } {
  assertSerialFree(tx, meter, 'meter.')
  const meterId = insertMeter(tx, accountId, meter)
  const initialReadingIds = insertMeterReadings(
    tx,
    {
      meterId,
      accountId,
      typed: meter.initialReadings,
      meter,
      ...when,
      flag: meterReadingFlags.installed,
    },
    ctx,
  )
  return { meterId, initialReadingIds }
}

/** An active meter's final reading per zone, then its removal (meter.remove, meter.replace). */
export function removeOldMeter(
  tx: Db,
  accountId: string,
  old: OldMeter,
  finalReadings: Partial<Record<Zone, string>>,
  when: MeterChangeDate,
  ctx: ApplyContext,
): Partial<Record<Zone, string>> {
  const finalReadingIds = insertMeterReadings(
    tx,
    {
      meterId: old.id,
      accountId,
      typed: finalReadings,
      meter: old,
      previous: old.previous,
      ...when,
      flag: meterReadingFlags.removed,
    },
    ctx,
  )
  tx.update(meters)
    .set({ status: 'removed', removedAt: when.date })
    .where(eq(meters.id, old.id))
    .run()
  return finalReadingIds
}

/** The audit's before and after of a removed meter. */
export function removalDetails(
  old: OldMeter,
  removedAt: string,
  finalReadings: Partial<Record<Zone, string>>,
) {
  return {
    old: { model: old.model, serialNumber: old.serialNumber, status: 'active' },
    new: { status: 'removed', removedAt, finalReadings },
  }
}
