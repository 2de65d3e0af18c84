import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { backupDatabase } from '../../src-main/db/backup'
import { purgeOlderThan } from '../../src-main/files/retention'
import { downloadFolder } from '../../src-main/reports/export-destination'
import { replicaFile } from '../../src-main/app/create-app'
import { configureSync, readSyncState } from '../../src-main/sync/sync-state'
import { appIn, tempApp, type TempApp } from '../support/temp-app'

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

const secret = 'ws-secret-7f3a9c1e5b2d4086a1c3e5f7091b2d4f'

/** Every byte SQLite keeps of the replica: the file, its WAL and shared memory. */
function replicaBytes(dir: string): Buffer {
  const file = replicaFile(dir)
  return Buffer.concat(
    ['', '-wal', '-shm'].filter((s) => existsSync(file + s)).map((s) => readFileSync(file + s)),
  )
}

function reopen(dir: string) {
  return appIn(dir, { startSync: false })
}

describe('the workstation secret', () => {
  it('is never in the replica file in plain text, and opens again with the key beside it', () => {
    configureSync(t.app.services.db, {
      serverUrl: 'http://127.0.0.1:1',
      workstationId: 'ws-1',
      secret,
    })
    expect(readSyncState(t.app.services.db)!.secret).toBe(secret)
    t.app.services.db.$client.pragma('wal_checkpoint(TRUNCATE)')
    expect(replicaBytes(t.dir).includes(secret)).toBe(false)
    expect(modeOf(join(t.dir, 'replica.key'))).toBe(0o600)
    t.app.close()

    const again = reopen(t.dir)
    expect(readSyncState(again.services.db)!.secret).toBe(secret)
    again.close()

    // The replica copied without its key (a stolen file, a backup elsewhere): no secret in it.
    const elsewhere = mkdtempSync(join(tmpdir(), 'energo-copy-'))
    copyFileSync(replicaFile(t.dir), replicaFile(elsewhere))
    const copy = reopen(elsewhere)
    expect(readSyncState(copy.services.db)!.secret).toBe('')
    copy.close()
    rmSync(elsewhere, { recursive: true, force: true })
  })

  it('seals a secret an older version kept in plain text', () => {
    t.app.services.db.$client
      .prepare(
        `INSERT INTO sync_state (id, server_url, workstation_id, secret) VALUES (1, 'http://127.0.0.1:1', 'ws-1', ?)`,
      )
      .run(secret)
    t.app.close()
    const again = reopen(t.dir)
    expect(readSyncState(again.services.db)!.secret).toBe(secret)
    again.services.db.$client.pragma('wal_checkpoint(TRUNCATE)')
    expect(replicaBytes(t.dir).includes(secret)).toBe(false)
    again.close()
  })
})
