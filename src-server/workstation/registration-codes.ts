import { createHash, randomBytes, randomInt } from 'node:crypto'
import { sql } from 'drizzle-orm'
import type { RegistrationAnswer } from '../../src-shared/sync/protocol'
import {
  CODE_CHARS,
  codeAlphabet,
  groupCode,
  normalizeCode,
  splitRegistrationCode,
} from '../../src-shared/sync/registration-code'
import type { ServerDb } from '../db/connection'
import { queryRow } from '../db/query'
import { syncedTableNames } from '../../src-node/sync/synced-tables'
import { SyncedWriter } from '../sync/synced-write'
import { hashSecret, registerWorkstation } from './credentials'

const VALID_DAYS = 7

/** What is hashed: the one-time part of a typed code (a server's pin after it is not sent). */
const hashCode = (typed: string) =>
  createHash('sha256')
    .update(splitRegistrationCode(typed)?.code ?? normalizeCode(typed))
    .digest('hex')

/**
 * Registers a workstation of an office and makes its one-time registration code (valid 7 days,
 * 80 random bits, see src-shared/sync/registration-code.ts): the administrator types it, with the
 * server's pin after it, into the new workstation's first-run wizard.
 */
export async function issueRegistrationCode(
  db: ServerDb,
  input: { officeId: string; name: string; receiptPrefix: string },
): Promise<{ workstationId: string; code: string; expiresAt: string }> {
  const { workstationId } = await registerWorkstation(db, input)
  const code = groupCode(
    Array.from({ length: CODE_CHARS }, () => codeAlphabet[randomInt(codeAlphabet.length)]).join(''),
  )
  const expiresAt = new Date(Date.now() + VALID_DAYS * 86_400_000).toISOString()
  await db.execute(
    sql`INSERT INTO registration_codes (code_hash, workstation_id, expires_at)
        VALUES (${hashCode(code)}, ${workstationId}, ${expiresAt})`,
  )
  return { workstationId, code, expiresAt }
}

/**
 * Exchanges a code for the workstation's credentials, once: a new secret is made now, so whoever
 * saw the code before cannot use the workstation. Null for an unknown, used or expired code.
 */
export async function claimRegistrationCode(
  db: ServerDb,
  typed: string,
): Promise<RegistrationAnswer | null> {
  return db.transaction(async (tx) => {
    const claimed = await queryRow<{ workstationId: string }>(
      tx,
      sql`UPDATE registration_codes SET claimed_at = now()
           WHERE code_hash = ${hashCode(typed)} AND claimed_at IS NULL AND expires_at > now()
           RETURNING workstation_id AS "workstationId"`,
    )
    if (!claimed) return null
    const ws = await queryRow<{ branchId: string; name: string }>(
      tx,
      sql`SELECT branch_id AS "branchId", name FROM workstations
           WHERE id = ${claimed.workstationId} AND deleted_at IS NULL`,
    )
    if (!ws) return null
    const secret = randomBytes(32).toString('base64url')
    const write = new SyncedWriter(tx, ws.branchId)
    await write.update('workstations', claimed.workstationId, { secretHash: hashSecret(secret) })
    return {
      workstationId: claimed.workstationId,
      secret,
      name: ws.name,
      estimatedRows: await rowsToPull(tx, ws.branchId),
    }
  })
}

/** How many rows a new workstation of the branch will pull: for its progress bar. */
async function rowsToPull(tx: ServerDb, branchId: string): Promise<number> {
  const parts = syncedTableNames.map(
    (t) =>
      sql`SELECT count(*) AS n FROM ${sql.identifier(t)}
           WHERE (branch_id = ${branchId} OR branch_id IS NULL) AND deleted_at IS NULL`,
  )
  const row = await queryRow<{ n: number }>(
    tx,
    sql`SELECT sum(n) AS n FROM (${sql.join(parts, sql` UNION ALL `)}) s`,
  )
  return Number(row?.n ?? 0)
}
