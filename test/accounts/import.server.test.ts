import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { sql } from 'drizzle-orm'
import * as XLSX from 'xlsx'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importAccounts, importColumns } from '../../src-server/accounts/import-accounts'
import { defaultSheetLimits } from '../../src-server/accounts/read-sheet'
import { openServerDatabase } from '../../src-server/db/connection'
import { queryRow } from '../../src-server/db/query'
import { queryRows } from '../../src-server/db/query'
import { seedBranch, type SeededBranch, useTestDatabase } from '../support/server'

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

  it('reads a CSV saved with ";" and a BOM, quoted cells included, and ignores a __proto__ column', async () => {
    const file = join(dir, 'semicolon.csv')
    const columns = [...importColumns, '__proto__']
    const r = row('7740000020', { street: 'ул. "Мира"; угол' })
    const quote = (v: string) => `"${v.replaceAll('"', '""')}"`
    const lines = [
      columns.join(';'),
      columns.map((c) => quote(c === '__proto__' ? 'x' : (r[c as keyof typeof r] ?? ''))).join(';'),
    ]
    writeFileSync(file, '\ufeff' + lines.join('\r\n'))
    const report = await importAccounts(database.db, { file, officeId: branch.officeId })
    expect(report).toEqual({ imported: 1, errors: [] })
    const stored = await queryRow<{ street: string }>(
      database.db,
      sql`SELECT street FROM accounts WHERE number = '7740000020'`,
    )
    expect(stored?.street).toBe('ул. "Мира"; угол')
    expect(({} as Record<string, unknown>).x).toBeUndefined()
  })

  it('refuses an oversized file, a file that is not .xlsx, and a parse over its time or memory bound', async () => {
    const small = csv('small.csv', [row('7740000030')])
    const oversized = await importAccounts(database.db, {
      file: small,
      officeId: branch.officeId,
      limits: { ...defaultSheetLimits, maxBytes: 100 },
    })
    expect(oversized.errors).toEqual([{ line: 0, message: expect.stringContaining('больше 0 МБ') }])

    const fake = join(dir, 'fake.xlsx')
    writeFileSync(fake, '<html><body><table><tr><td>1</td></tr></table></body></html>')
    const notZip = await importAccounts(database.db, { file: fake, officeId: branch.officeId })
    expect(notZip.errors).toEqual([{ line: 0, message: 'Файл загрузки: это не файл .xlsx.' }])

    const big = join(dir, 'big.xlsx')
    const book = XLSX.utils.book_new()
    const many = Array.from({ length: 30_000 }, (_, i) => row(String(7750000000 + i)))
    XLSX.utils.book_append_sheet(book, XLSX.utils.json_to_sheet(many), 'Лицевые счета')
    XLSX.writeFile(book, big)
    const started = Date.now()
    const slow = await importAccounts(database.db, {
      file: big,
      officeId: branch.officeId,
      limits: { ...defaultSheetLimits, timeoutMs: 300 },
    })
    expect(slow.errors).toEqual([{ line: 0, message: expect.stringContaining('дольше 0.3 с') }])
    expect(Date.now() - started).toBeLessThan(5_000)
    const greedy = await importAccounts(database.db, {
      file: big,
      officeId: branch.officeId,
      limits: { ...defaultSheetLimits, memoryMb: 8 },
    })
    expect(greedy.errors).toEqual([{ line: 0, message: expect.stringContaining('памяти') }])
    const tooMany = await importAccounts(database.db, {
      file: big,
      officeId: branch.officeId,
      limits: { ...defaultSheetLimits, maxRows: 1000 },
    })
    expect(tooMany.errors).toEqual([
      { line: 0, message: expect.stringContaining('больше 1000 строк') },
    ])
    expect(await imported(['7750000000'])).toEqual([])
  }, 60_000)
})

describe('npm run server -- import-accounts', () => {
  it('imports .xlsx and .csv through the command line on its own PGlite', async () => {
    const dataDir = join(dir, 'server')
    const database = await openServerDatabase({ dataDir })
    let own: SeededBranch
    try {
      own = await seedBranch(database.db)
    } finally {
      await database.close()
    }
    const run = (file: string) =>
      promisify(execFile)(
        process.execPath,
        [
          ...['--import', 'tsx', 'src-server/cli/main.ts', 'import-accounts'],
          ...['--data-dir', dataDir, '--office', own.officeId, '--file', file],
        ],
        { env: { ...process.env, DATABASE_URL: '' } },
      )
    const cliRow = (n: string) => ({ ...row(n), services: `electricity:${own.supplierId}` })
    const xlsxFile = join(dir, 'cli.xlsx')
    const book = XLSX.utils.book_new()
    XLSX.utils.book_append_sheet(
      book,
      XLSX.utils.json_to_sheet([cliRow('7760000001')]),
      'Лицевые счета',
    )
    XLSX.writeFile(book, xlsxFile)
    expect((await run(xlsxFile)).stdout).toContain('Загружено лицевых счетов: 1')
    const csvFile = csv('cli.csv', [cliRow('7760000002')])
    expect((await run(csvFile)).stdout).toContain('Загружено лицевых счетов: 1')
  }, 120_000)
})
