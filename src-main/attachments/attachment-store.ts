import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import {
  attachmentMessages,
  checkAttachment,
  type AttachmentKind,
} from '../../src-shared/attachments/content'
import { ApiFailure } from '../api/failure'
import type { Db } from '../db/connection'
import { prepared } from '../db/prepared'

/** `attachments/` beside the replica file: each file under its sha256, in 256 folders. */
export function attachmentPath(db: Db, sha256: string): string {
  return join(dirname(db.$client.name), 'attachments', sha256.slice(0, 2), sha256)
}

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

export interface StoredAttachment {
  sha256: string
  name: string
  size: number
  kind: AttachmentKind
}

/**
 * Keeps a file the clerk attached: checked by its content, written under its hash (through a
 * temporary name, so a crash never leaves half a file under the real one), and noted as waiting
 * to go up to the server. The same content twice is one file.
 */
export function storeAttachment(
  db: Db,
  name: string,
  bytes: Uint8Array,
  at: string,
): StoredAttachment {
  const checked = checkAttachment({ name, size: bytes.length, head: bytes.subarray(0, 16) })
  if (!checked.ok) throw ApiFailure.field('attachments', checked.message)
  const sha256 = sha256Of(bytes)
  writeWhole(attachmentPath(db, sha256), bytes)
  prepared(
    db.$client,
    `INSERT INTO local_attachments (sha256, kind, size, stored_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (sha256) DO NOTHING`,
  ).run(sha256, checked.kind, bytes.length, at)
  return { sha256, name, size: bytes.length, kind: checked.kind }
}

/** A file written whole or not at all under `path`. */
export function writeWhole(path: string, bytes: Uint8Array): void {
  if (existsSync(path)) return
  mkdirSync(dirname(path), { recursive: true })
  const temporary = `${path}.${process.pid}.part`
  writeFileSync(temporary, bytes, { mode: 0o600 })
  renameSync(temporary, path)
}

/** The bytes of an attachment this workstation holds (checked against its hash), or null. */
export function readAttachment(db: Db, sha256: string): Buffer | null {
  const path = attachmentPath(db, sha256)
  if (!existsSync(path)) return null
  const bytes = readFileSync(path)
  if (sha256Of(bytes) !== sha256) throw new ApiFailure('conflict', attachmentMessages.hashMismatch)
  return bytes
}

/** Keeps a file fetched from the server, once its hash proved it whole. */
export function keepFetched(db: Db, sha256: string, bytes: Uint8Array, at: string): void {
  if (sha256Of(bytes) !== sha256) throw new ApiFailure('conflict', attachmentMessages.hashMismatch)
  const checked = checkAttachment({ name: sha256, size: bytes.length, head: bytes.subarray(0, 16) })
  if (!checked.ok) throw new ApiFailure('conflict', checked.message)
  writeWhole(attachmentPath(db, sha256), bytes)
  prepared(
    db.$client,
    `INSERT INTO local_attachments (sha256, kind, size, stored_at, uploaded_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (sha256) DO NOTHING`,
  ).run(sha256, checked.kind, bytes.length, at, at)
}

/** Files the server does not hold yet, oldest first. */
export function pendingUploads(db: Db): { sha256: string; size: number }[] {
  return prepared(
    db.$client,
    'SELECT sha256, size FROM local_attachments WHERE uploaded_at IS NULL ORDER BY stored_at, sha256',
  ).all() as { sha256: string; size: number }[]
}

export function markUploaded(db: Db, sha256: string, at: string): void {
  prepared(db.$client, 'UPDATE local_attachments SET uploaded_at = ? WHERE sha256 = ?').run(
    at,
    sha256,
  )
}
