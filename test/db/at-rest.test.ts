import { mkdirSync, statSync, utimesSync, writeFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { backupDatabase } from '../../src-main/db/backup'
import { purgeOlderThan } from '../../src-main/files/retention'
import { downloadFolder } from '../../src-main/reports/export-destination'
import { tempApp, type TempApp } from '../support/temp-app'

let t: TempApp
beforeEach(() => {
  t = tempApp()
})
afterEach(() => t.cleanup())

const modeOf = (path: string) => statSync(path).mode & 0o777

describe('personal data at rest', () => {
  it('keeps the replica, its WAL, backups, printed documents and exports owner-only', async () => {
    expect(modeOf(t.dir)).toBe(0o700)
    expect(modeOf(join(t.dir, 'replica.sqlite'))).toBe(0o600)
    expect(modeOf(join(t.dir, 'replica.sqlite-wal'))).toBe(0o600)

    const backup = backupDatabase(t.app.services.db.$client, join(t.dir, 'backups'), 'manual')
    expect(modeOf(join(t.dir, 'backups'))).toBe(0o700)
    expect(modeOf(backup)).toBe(0o600)

    const printed = await t.app.services.printer.print({
      html: '<html><body><p>Квитанция</p></body></html>',
      name: 'K1-000001',
      layout: 'a4',
      printer: '',
    })
    expect(printed.kind).toBe('pdf')
    expect(modeOf(join(t.dir, 'printed'))).toBe(0o700)
    expect(modeOf(printed.target)).toBe(0o600)

    await downloadFolder(join(t.dir, 'exports')).choose('Реестр.xlsx')
    expect(modeOf(join(t.dir, 'exports'))).toBe(0o700)
  }, 60_000)

  it('purges files older than the retention days, and only those', () => {
    const folder = join(t.dir, 'printed')
    mkdirSync(folder, { recursive: true })
    const now = new Date('2026-11-20T09:00:00Z')
    const old = join(folder, 'old.pdf')
    const fresh = join(folder, 'fresh.pdf')
    const other = join(folder, 'old.txt')
    for (const f of [old, fresh, other]) writeFileSync(f, 'x')
    const day = 24 * 60 * 60
    utimesSync(old, now.getTime() / 1000 - 31 * day, now.getTime() / 1000 - 31 * day)
    utimesSync(other, now.getTime() / 1000 - 31 * day, now.getTime() / 1000 - 31 * day)
    utimesSync(fresh, now.getTime() / 1000 - 29 * day, now.getTime() / 1000 - 29 * day)
    expect(purgeOlderThan(folder, 30, now, '.pdf')).toBe(1)
    expect([existsSync(old), existsSync(fresh), existsSync(other)]).toEqual([false, true, true])
    expect(purgeOlderThan(join(t.dir, 'none'), 30, now, '.pdf')).toBe(0)
  })
})
