import { attachmentMessages } from '../../src-shared/attachments/content'
import { ApiFailure } from '../api/failure'
import type { Db } from '../db/connection'
import type { SyncServerClient } from '../sync/server-client'
import { keepFetched, markUploaded, pendingUploads, readAttachment } from './attachment-store'

/**
 * Sends the files the server does not hold yet, each whole under its hash, before the outbox
 * goes up: an appeal's command then finds its files there. A connection lost mid-file fails the
 * run; the file stays pending and goes again whole on the next one (the server stores nothing
 * of a file whose bytes do not hash to its name, and a file it holds already is a no-op).
 */
export async function uploadPendingAttachments(
  db: Db,
  client: SyncServerClient,
  now: () => Date,
): Promise<number> {
  let sent = 0
  for (const file of pendingUploads(db)) {
    const bytes = readAttachment(db, file.sha256)
    if (!bytes) continue
    await client.uploadAttachment(file.sha256, bytes)
    markUploaded(db, file.sha256, now().toISOString())
    sent += 1
  }
  return sent
}

/**
 * The bytes of an attachment, from this workstation's copy or, the first time a clerk of the
 * branch opens it here, from the server (kept beside the replica once its hash proved it whole).
 */
export async function openAttachment(
  db: Db,
  client: SyncServerClient | null,
  sha256: string,
  now: () => Date,
): Promise<Buffer> {
  const local = readAttachment(db, sha256)
  if (local) return local
  if (!client)
    throw new ApiFailure('not_found', 'Вложение есть только на сервере, а связи с ним нет.')
  const fetched = await client.fetchAttachment(sha256)
  if (!fetched) throw new ApiFailure('not_found', attachmentMessages.notFound)
  keepFetched(db, sha256, fetched, now().toISOString())
  return fetched
}
