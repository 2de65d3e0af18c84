import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { loadServerDemo } from '../../src-server/admin/demo'
import { loadLaw } from '../../src-server/billing/inputs'
import { runBilling } from '../../src-server/billing/run'
import { queryRow, queryRows } from '../../src-server/db/query'
import { seedLaw } from '../../src-server/settings/law-seed'
import { setSetting } from '../../src-server/settings/set-setting'
import { inForce } from '../../src-shared/billing/dated'
import { billingSettingKeys } from '../../src-shared/billing/law-rows'
import { useTestDatabase } from '../support/server'

const database = useTestDatabase()

const lawKeys = sql.join(
  billingSettingKeys.map((k) => sql`${k}`),
  sql`, `,
)

async function lawRows(): Promise<{ key: string; validFrom: string; value: string }[]> {
  return queryRows(
    database.db,
    sql`SELECT key, valid_from AS "validFrom", value FROM settings
         WHERE key IN (${lawKeys}) AND deleted_at IS NULL ORDER BY key, valid_from`,
  )
}

describe("billing's law on a fresh server", () => {
  it('is seeded at the first start as dated, synced global rows, once', async () => {
    expect(await lawRows()).toEqual([])
    const written = await seedLaw(database.db)
    const rows = await lawRows()
    expect(rows).toHaveLength(written)
    const law = await loadLaw(database.db)
    // The real decisions: 20% from 2022-02-28, 21% from 2024-10-28; the cap ends with 2026.
    expect(inForce(law.penalty.keyRate, '2022-03-01')).toBe(2000)
    expect(inForce(law.penalty.keyRate, '2025-01-15')).toBe(2100)
    expect(inForce(law.penalty.rateCap, '2026-12-31')).toBe(950)
    expect(inForce(law.penalty.rateCap, '2027-01-01')).toBeNull()
    expect(inForce(law.penalty.moratorium, '2020-04-06')).toBe(true)
    expect(inForce(law.penalty.moratorium, '2021-01-01')).toBe(false)
    expect(inForce(law.dueDays, '2026-02-01')).toBe(10)
    expect(inForce(law.dueDays, '2026-03-01')).toBe(15)
    expect(inForce(law.norms, '2026-11-01')?.electricityPerPerson[0]).toBe(141)
    // Versioned like every global row, so workstations pull them.
    const unversioned = await queryRow<{ n: number }>(
      database.db,
      sql`SELECT count(*)::int AS n FROM settings WHERE key IN (${lawKeys}) AND sync_version IS NULL`,
    )
    expect(Number(unversioned!.n)).toBe(0)
    // A second start writes nothing.
    expect(await seedLaw(database.db)).toBe(0)
    expect(await lawRows()).toEqual(rows)
  })

  it("takes an administrator's new dated value and refuses a wrong one naming it", async () => {
    expect(
      await setSetting(database.db, {
        key: 'penaltyKeyRate',
        validFrom: '2026-12-22',
        value: '1500',
      }),
    ).toBeNull()
    expect(inForce((await loadLaw(database.db)).penalty.keyRate, '2026-12-22')).toBe(1500)
    expect(inForce((await loadLaw(database.db)).penalty.keyRate, '2026-12-21')).toBe(1550)
    expect(
      await setSetting(database.db, {
        key: 'penaltyKeyRate',
        validFrom: '2026-12-22',
        value: '-5',
      }),
    ).toMatch(/^Значение \(--value\) настройки «penaltyKeyRate» не подходит/)
    expect(
      await setSetting(database.db, { key: 'keyRate', validFrom: '2026-12-22', value: '5' }),
    ).toMatch(/^Настройка «keyRate» неизвестна/)
    expect(
      await setSetting(database.db, { key: 'billDueDay', validFrom: '2026-02-30', value: '15' }),
    ).toBe('Дата начала действия (--from): укажите дату в виде ГГГГ-ММ-ДД.')
    expect(
      await setSetting(database.db, { key: 'billDueDay', validFrom: '2026-12-01', value: 'x' }),
    ).toMatch(/не JSON/)
    // A key an administrator keeps is never written over by a later start.
    expect(await seedLaw(database.db)).toBe(0)
    expect(inForce((await loadLaw(database.db)).penalty.keyRate, '2026-12-22')).toBe(1500)
  })

  it('is all the law the period close needs: penalties billed from the seeded rows alone', async () => {
    // Accounts with a history of debt (the demo's), then nothing of billing's law but the seed.
    await database.db.execute(sql`DELETE FROM settings WHERE key IN (${lawKeys})`)
    await loadServerDemo(database.db, { seed: 3, accounts: 40, months: 8, today: '2026-11-20' })
    const demoLaw = await lawRows()
    await database.db.execute(sql`DELETE FROM settings WHERE key IN (${lawKeys})`)
    expect(await lawRows()).toEqual([])
    expect(await seedLaw(database.db)).toBeGreaterThan(0)
    // The demo's law is the production seed, row for row.
    expect(await lawRows()).toEqual(demoLaw)
    const [result] = await runBilling(database.db, { period: '2026-11' })
    expect(result).toMatchObject({ status: 'closed' })
    expect(result!.penaltyLines).toBeGreaterThan(0)
    const penalties = await queryRow<{ n: number; zero: number }>(
      database.db,
      sql`SELECT count(*)::int AS n, count(*) FILTER (WHERE amount = 0)::int AS zero FROM charges
           WHERE period = '2026-11' AND kind = 'penalty'`,
    )
    expect(Number(penalties!.n)).toBe(result!.penaltyLines)
    expect(Number(penalties!.zero)).toBe(0)
    // The demo's earlier penalty lines came from billing's own rule: November only adds to them
    // (at the capped 9.5% all year no payment day's rate can take any back).
    const corrections = await queryRow<{ n: number }>(
      database.db,
      sql`SELECT count(*)::int AS n FROM charges WHERE period = '2026-11' AND kind = 'penalty'
             AND amount < 0`,
    )
    expect(Number(corrections!.n)).toBe(0)
    const due = await queryRow<{ due: string }>(
      database.db,
      sql`SELECT DISTINCT due_date AS due FROM bills WHERE period = '2026-11'`,
    )
    expect(due!.due).toBe('2026-12-15')
  })
})
