import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs'

/*
 * Files that hold customers' personal data (the replica, its backups, printed documents,
 * exports) are the workstation user's alone: folders 0700, files 0600. On Windows the modes are
 * mostly ignored; there the user's profile folder and full-disk encryption protect them.
 */

export const ownerOnlyFileMode = 0o600
export const ownerOnlyFolderMode = 0o700

/** Makes (if missing) a folder only its owner may enter, and narrows an existing one. */
export function ownerOnlyFolder(folder: string): void {
  mkdirSync(folder, { recursive: true, mode: ownerOnlyFolderMode })
  chmodSync(folder, ownerOnlyFolderMode)
}

/** Narrows a file to its owner; a file that is not there is left so. */
export function ownerOnlyFile(file: string): void {
  if (existsSync(file)) chmodSync(file, ownerOnlyFileMode)
}

/**
 * Creates an empty file owner-only when missing (SQLite then gives its -wal and -shm the
 * database file's mode), and narrows one left by an older version.
 */
export function ensureOwnerOnlyFile(file: string): void {
  if (!existsSync(file)) closeSync(openSync(file, 'a', ownerOnlyFileMode))
  chmodSync(file, ownerOnlyFileMode)
}
