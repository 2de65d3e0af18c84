import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'drizzle-orm'
import * as XLSX from 'xlsx'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importAccounts, importColumns } from '../../src-server/accounts/import-accounts'
import { queryRows } from '../../src-server/db/query'
import { seedBranch, type SeededBranch, useTestDatabase } from './support/server'

const database = useTestDatabase()
let branch: SeededBranch
const dir = mkdtempSync(join(tmpdir(), 'energo-import-'))
beforeAll(async () => {
  branch = await seedBranch(database.db)
})
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true })
})

const row = (number: string, extra: Record<string, string> = {}) => ({
  number,
  last_name: 'Орлова',
  first_name: 'Нина',
  phone: '8 916 000-11-22',
  region: 'Тверская обл.',
  settlement: 'г. Конаково',
  street: 'ул. Мира',
  house: '3',
  flat: '1',
  residents: '2',
  tariff_group: 'urban_gas',
  services: `electricity:${branch.supplierId}`,
  ...extra,
})

function csv(name: string, rows: Record<string, string>[]): string {
  const file = join(dir, name)
  const lines = [importColumns.join(',')]
  for (const r of rows) lines.push(importColumns.map((c) => r[c] ?? '').join(','))
  writeFileSync(file, lines.join('\n'))
  return file
}

const imported = async (numbers: string[]) =>
  (
    await queryRows<{ number: string }>(
      database.db,
      sql`SELECT number FROM accounts WHERE number IN (${sql.join(
        numbers.map((n) => sql`${n}`),
        sql`, `,
      )}) ORDER BY number`,
    )
  ).map((r) => r.number)

describe('account import', () => {
  it('reports every bad row with its line and imports nothing from a file with errors', async () => {
    const file = csv('bad.csv', [
      row('7740000001'),
      row('12', {}),
      row('7740000003', { tariff_group: 'space' }),
      row('7740000001'),
      row('7740000005', { services: 'electricity:nobody' }),
    ])
    const report = await importAccounts(database.db, { file, officeId: branch.officeId })
    expect(report.imported).toBe(0)
    expect(report.errors.map((e) => e.line)).toEqual([3, 4, 5, 6])
    expect(report.errors[0]!.message).toContain('Номер лицевого счета')
    expect(report.errors[2]!.message).toContain('уже в строке 2')
    expect(report.errors[3]!.message).toContain('nobody')
    expect(await imported(['7740000001'])).toEqual([])

    const skipped = await importAccounts(database.db, {
      file,
      officeId: branch.officeId,
      skipBad: true,
    })
    expect(skipped.imported).toBe(1)
    expect(await imported(['7740000001'])).toEqual(['7740000001'])
  })

  it('reads .xlsx and refuses numbers the server already has', async () => {
    const file = join(dir, 'accounts.xlsx')
    const book = XLSX.utils.book_new()
    XLSX.utils.book_append_sheet(
      book,
      XLSX.utils.json_to_sheet([row('7740000010'), row('7740000011'), row('7740000001')]),
      'Лицевые счета',
    )
    XLSX.writeFile(book, file)
    const report = await importAccounts(database.db, {
      file,
      officeId: branch.officeId,
      skipBad: true,
    })
    expect(report).toMatchObject({
      imported: 2,
      errors: [{ line: 4, message: expect.stringContaining('уже есть') }],
    })
    expect(await imported(['7740000010', '7740000011'])).toEqual(['7740000010', '7740000011'])
  })
})
