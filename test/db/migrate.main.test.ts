import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openSqlite } from '../../src-main/db/connection'
import { DatabaseTooNewError, migrateDatabase } from '../../src-main/db/migrate'
import { migrationsFolder } from '../../src-main/db/paths'
import { openReplica } from '../../src-main/db/replica'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'energo-migrate-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

interface Journal {
  entries: { idx: number; when: number; tag: string }[]
}

/** A copy of the migrations folder holding only the first `count` migrations: an older app. */
function olderMigrations(count: number): string {
  const folder = join(dir, `migrations-${count}`)
  cpSync(migrationsFolder(), folder, { recursive: true })
  const journalFile = join(folder, 'meta', '_journal.json')
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as Journal
  journal.entries = journal.entries.slice(0, count)
  writeFileSync(journalFile, JSON.stringify(journal))
  return folder
}

const pragma = (file: string, name: string) => {
  const db = openSqlite(file)
  try {
    return db.pragma(name, { simple: true })
  } finally {
    db.close()
  }
}

describe('migrations', () => {
  it('create an empty replica with safe settings and no backup', () => {
    const file = join(dir, 'replica.sqlite')
    const db = openReplica({ file })
    expect(db.$client.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.$client.pragma('synchronous', { simple: true })).toBe(2) // FULL
    expect(db.$client.pragma('foreign_keys', { simple: true })).toBe(1)
    const tables = db.$client
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
      .pluck()
      .all()
    expect(tables).toEqual(
      expect.arrayContaining(['accounts', 'outbox', 'audit_log', 'account_search', 'payments']),
    )
    db.$client.close()
    expect(existsSync(join(dir, 'backups'))).toBe(false)
    expect(pragma(file, 'integrity_check')).toBe('ok')
  })

  it('upgrade an older replica keeping its data, after a backup', () => {
    const file = join(dir, 'replica.sqlite')
    const old = openSqlite(file)
    migrateDatabase(old, { migrationsFolder: olderMigrations(1), backupDir: join(dir, 'backups') })
    old
      .prepare("INSERT INTO branches (id, code, name) VALUES ('b1', 'KNK', 'Конаковский филиал')")
      .run()
    old.close()

    const db = openReplica({ file })
    expect(db.$client.prepare('SELECT name FROM branches').pluck().all()).toEqual([
      'Конаковский филиал',
    ])
    expect(
      db.$client.prepare("SELECT 1 FROM sqlite_master WHERE name = 'account_search'").get(),
    ).toBeTruthy()
    db.$client.close()
    const backups = readdir(join(dir, 'backups'))
    expect(backups).toHaveLength(1)
    const backup = openSqlite(join(dir, 'backups', backups[0]!), { readonly: true })
    expect(backup.prepare('SELECT count(*) FROM branches').pluck().get()).toBe(1)
    expect(
      backup.prepare("SELECT 1 FROM sqlite_master WHERE name = 'account_search'").get(),
    ).toBeUndefined()
    backup.close()
  })

  it('refuse a replica made by a newer app and leave it untouched', () => {
    const file = join(dir, 'replica.sqlite')
    openReplica({ file }).$client.close()
    const before = readFileSync(file)
    expect(() => openReplica({ file, migrationsFolder: olderMigrations(1) })).toThrow(
      DatabaseTooNewError,
    )
    expect(readFileSync(file).equals(before)).toBe(true)
  })

  it('do nothing on an up-to-date replica', () => {
    const file = join(dir, 'replica.sqlite')
    openReplica({ file }).$client.close()
    const db = openSqlite(file)
    expect(
      migrateDatabase(db, { migrationsFolder: migrationsFolder(), backupDir: join(dir, 'b') }),
    ).toEqual({
      applied: 0,
      backupFile: null,
    })
    db.close()
  })
})

function readdir(path: string): string[] {
  return existsSync(path) ? readdirSync(path) : []
}

describe('a migration that breaks links between rows', () => {
  it('is refused and the replica comes back from the backup', () => {
    const file = join(dir, 'replica.sqlite')
    const db = openReplica({ file })
    db.$client
      .prepare("INSERT INTO branches (id, code, name) VALUES ('b1', 'KNK', 'Конаковский филиал')")
      .run()
    db.$client.close()

    // A newer app whose migration leaves an office pointing at a branch that does not exist.
    const folder = join(dir, 'migrations-bad')
    cpSync(migrationsFolder(), folder, { recursive: true })
    const journalFile = join(folder, 'meta', '_journal.json')
    const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as Journal
    const last = journal.entries.at(-1)!
    journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1000, tag: '9999_orphan' })
    writeFileSync(journalFile, JSON.stringify(journal))
    writeFileSync(
      join(folder, '9999_orphan.sql'),
      "INSERT INTO offices (id, branch_id, name, address) VALUES ('o1', 'missing', 'Офис', 'адрес');",
    )

    expect(() => openReplica({ file, migrationsFolder: folder })).toThrow(/нарушило связи/)
    const after = openSqlite(file, { readonly: true })
    expect(after.prepare('SELECT count(*) FROM offices').pluck().get()).toBe(0)
    expect(after.prepare('SELECT name FROM branches').pluck().all()).toEqual(['Конаковский филиал'])
    after.close()
  })
})
