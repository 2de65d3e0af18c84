import { createHash } from 'node:crypto'
import { sql } from 'drizzle-orm'
import {
  attachmentLimits,
  attachmentMessages,
  checkAttachment,
  sha256Pattern,
} from '../../src-shared/attachments/content'
import type { ServerDb } from '../db/connection'
import { queryRow } from '../db/query'

export type StoreAnswer =
  { ok: true; sha256: string; size: number } | { ok: false; status: 400 | 413; message: string }

/**
 * Takes a file a workstation of the branch uploaded under its hash. Only a whole file is stored:
 * the bytes must hash to the name they came under (a connection cut mid-file leaves nothing),
 * and pass the same content and size checks as at the workstation. The same file again is a
 * no-op, so a retry after a lost answer is safe.
 */
export async function storeAttachmentFile(
  db: ServerDb,
  branchId: string,
  sha256: string,
  bytes: Buffer,
): Promise<StoreAnswer> {
  if (!sha256Pattern.test(sha256))
    return { ok: false, status: 400, message: attachmentMessages.hashMismatch }
  if (bytes.length > attachmentLimits.maxBytes)
    return { ok: false, status: 413, message: attachmentMessages.tooLarge(sha256) }
  if (createHash('sha256').update(bytes).digest('hex') !== sha256)
    return { ok: false, status: 400, message: attachmentMessages.hashMismatch }
  const checked = checkAttachment({ name: sha256, size: bytes.length, head: bytes.subarray(0, 16) })
  if (!checked.ok) return { ok: false, status: 400, message: checked.message }
  await db.execute(
    sql`INSERT INTO attachment_files (branch_id, sha256, kind, size, content)
        VALUES (${branchId}, ${sha256}, ${checked.kind}, ${bytes.length}, ${bytes})
        ON CONFLICT (branch_id, sha256) DO NOTHING`,
  )
  return { ok: true, sha256, size: bytes.length }
}

/** A file of the branch, or null: another branch's files are not this workstation's to read. */
export async function readAttachmentFile(
  db: ServerDb,
  branchId: string,
  sha256: string,
): Promise<Buffer | null> {
  if (!sha256Pattern.test(sha256)) return null
  const row = await queryRow<{ content: Uint8Array }>(
    db,
    sql`SELECT content FROM attachment_files WHERE branch_id = ${branchId} AND sha256 = ${sha256}`,
  )
  return row ? Buffer.from(row.content) : null
}
