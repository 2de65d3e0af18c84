import { copyFileSync, readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { ownerOnlyFile, ownerOnlyFolder } from '../files/owner-only'
import type { Sqlite } from './connection'

/** A consistent copy of the live database (VACUUM INTO), safe while others read. */
export function backupDatabase(
  sqlite: Sqlite,
  dir: string,
  label: string,
  now = new Date(),
): string {
  ownerOnlyFolder(dir)
  const stamp = now.toISOString().replace(/[:.]/g, '-')
  const file = join(dir, `${label}-${stamp}.sqlite`)
  sqlite.prepare('VACUUM INTO ?').run(file)
  ownerOnlyFile(file)
  return file
}

/** Keeps the newest `keep` backups with this label. */
export function rotateBackups(dir: string, label: string, keep: number): void {
  const files = readdirSync(dir)
    .filter((f) => f.startsWith(`${label}-`) && f.endsWith('.sqlite'))
    .sort()
  for (const f of files.slice(0, Math.max(0, files.length - keep))) rmSync(join(dir, f))
}

/** Puts a backup in place of a closed database file. */
export function restoreDatabase(backupFile: string, file: string): void {
  for (const suffix of ['-wal', '-shm']) rmSync(file + suffix, { force: true })
  copyFileSync(backupFile, file)
  ownerOnlyFile(file)
}
