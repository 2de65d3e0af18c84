import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { officeDate } from '../../src-shared/dates'
import { queryRows } from '../../src-server/db/query'
import {
  seedAccountWithDebt,
  seedAccountWithMeter,
  seedBranch,
  type SeededBranch,
  useSyncServer,
} from '../support/server'

const { database, desk } = useSyncServer()
// The workstations run on the real clock: the meter is changed today.
const today = officeDate(new Date(), 'Europe/Moscow')

/** An account with a 2-zone meter (5 digits) read at 10 450 / 5 200 on 2026-10-20. */
function accountWithMeter(branch: SeededBranch, number: string) {
  return seedAccountWithMeter(
    database.db,
    branch,
    number,
    {
      model: 'СО-505',
      zones: 2,
      intDigits: 5,
      fracDigits: 0,
      installedAt: '2010-05-01',
      nextVerificationAt: '2026-04-01',
    },
    (['T1', 'T2'] as const).map((zone) => ({
      id: `r-${number}-${zone}`,
      zone,
      value: zone === 'T1' ? 10_450 : 5_200,
      readingDate: '2026-10-20',
    })),
  )
}

function newMeter(serialNumber: string) {
  return {
    service: 'electricity',
    model: 'Меркурий 201.8',
    serialNumber,
    zones: 2,
    intDigits: 6,
    fracDigits: 1,
    transformationRatio: 1,
    accuracyClass: '1,0',
    phases: 1,
    location: 'Кухня',
    installedAt: today,
    verifiedAt: '2026-10-01',
    verificationIntervalYears: 16,
    seals: ['0012345'],
    initialReadings: { T1: '12,4', T2: '3' },
  }
}

const serverRows = <T>(query: ReturnType<typeof sql>) => queryRows<T>(database.db, query)

describe('meter commands on the server', () => {
  it('installs the same meter and initial readings under the workstation ids', async () => {
    const branch = await seedBranch(database.db)
    const accountId = await seedAccountWithDebt(database.db, branch, '7760000001')
    const a = await desk(branch)
    const { meterId } = await a.call<{ meterId: string }>('meters.install', {
      accountId,
      meter: newMeter('S-INSTALL-1'),
    })
    await a.sync()
    expect(a.outbox().map((e) => e.status)).toEqual(['done'])
    expect(
      await serverRows(
        sql`SELECT serial_number AS serial, status, next_verification_at AS next, seals FROM meters WHERE id = ${meterId}`,
      ),
    ).toEqual([
      { serial: 'S-INSTALL-1', status: 'active', next: '2042-10-01', seals: '["0012345"]' },
    ])
    const local = a.app.services.db.$client
      .prepare('SELECT id FROM readings WHERE meter_id = ? ORDER BY zone')
      .pluck()
      .all(meterId)
    expect(
      await serverRows(
        sql`SELECT id, value, consumption, flags FROM readings WHERE meter_id = ${meterId} ORDER BY zone`,
      ),
    ).toEqual([
      { id: local[0], value: 12, consumption: null, flags: '["meter_installed"]' },
      { id: local[1], value: 3, consumption: null, flags: '["meter_installed"]' },
    ])
  })

  it('rejects a serial number another workstation installed first for the same model', async () => {
    const branch = await seedBranch(database.db)
    const first = await seedAccountWithDebt(database.db, branch, '7760000002')
    const second = await seedAccountWithDebt(database.db, branch, '7760000003')
    const [a, b] = [await desk(branch), await desk(branch)]
    // Both offline: neither replica knows of the other's meter.
    await a.call('meters.install', { accountId: first, meter: newMeter('S-TWICE') })
    await b.call('meters.install', { accountId: second, meter: newMeter('S-TWICE') })
    await a.sync()
    await b.sync()
    const [entry] = b.outbox()
    expect(entry).toMatchObject({ status: 'rejected', name: 'meter.install' })
    expect(entry!.rejectReason).toContain(
      'Заводской номер: счетчик Меркурий 201.8 № S-TWICE уже установлен (лицевой счет 7760000002)',
    )
    const stored = await serverRows<{ accountId: string }>(
      sql`SELECT account_id AS "accountId" FROM meters WHERE serial_number = 'S-TWICE'`,
    )
    expect(stored).toEqual([{ accountId: first }])
  })

  it('replaces a meter: final readings measured on the old one, the removal pulled by others', async () => {
    const branch = await seedBranch(database.db)
    const { accountId, meterId: oldId } = await accountWithMeter(branch, '7760000004')
    const [a, b] = [await desk(branch), await desk(branch)]
    const { meterId } = await a.call<{ meterId: string }>('meters.replace', {
      accountId,
      meterId: oldId,
      finalReadings: { T1: '10560', T2: '5230' },
      meter: newMeter('S-NEW-4'),
    })
    await a.sync()
    expect(a.outbox().map((e) => e.status)).toEqual(['done'])
    expect(
      await serverRows(
        sql`SELECT id, status, removed_at AS "removedAt" FROM meters WHERE account_id = ${accountId} ORDER BY installed_at`,
      ),
    ).toEqual([
      { id: oldId, status: 'removed', removedAt: today },
      { id: meterId, status: 'active', removedAt: null },
    ])
    expect(
      await serverRows(
        sql`SELECT meter_id AS "meterId", zone, value, consumption FROM readings
             WHERE account_id = ${accountId} AND reading_date = ${today} ORDER BY meter_id = ${oldId} DESC, zone`,
      ),
    ).toEqual([
      { meterId: oldId, zone: 'T1', value: 10_560, consumption: 110 },
      { meterId: oldId, zone: 'T2', value: 5_230, consumption: 30 },
      { meterId, zone: 'T1', value: 12, consumption: null },
      { meterId, zone: 'T2', value: 3, consumption: null },
    ])
    // Another workstation pulls the removal and the new meter.
    await b.sync()
    const seen = b.app.services.db.$client
      .prepare('SELECT id, status FROM meters WHERE account_id = ? ORDER BY installed_at')
      .all(accountId)
    expect(seen).toEqual([
      { id: oldId, status: 'removed' },
      { id: meterId, status: 'active' },
    ])
  })

  it('rejects removing a meter another workstation already replaced', async () => {
    const branch = await seedBranch(database.db)
    const { accountId, meterId: oldId } = await accountWithMeter(branch, '7760000005')
    const [a, b] = [await desk(branch), await desk(branch)]
    await a.call('meters.replace', {
      accountId,
      meterId: oldId,
      finalReadings: { T1: '10560', T2: '5230' },
      meter: newMeter('S-NEW-5'),
    })
    await b.call('meters.remove', {
      accountId,
      meterId: oldId,
      removedAt: today,
      finalReadings: { T1: '10500', T2: '5210' },
      reason: 'Истек срок поверки',
    })
    await a.sync()
    await b.sync()
    expect(b.outbox()).toMatchObject([{ status: 'rejected', name: 'meter.remove' }])
    const finals = await serverRows(
      sql`SELECT value FROM readings WHERE meter_id = ${oldId} AND reading_date = ${today} ORDER BY zone`,
    )
    expect(finals).toEqual([{ value: 10_560 }, { value: 5_230 }])
  })
})
