import { createHash, randomBytes, randomInt } from 'node:crypto'
import { sql } from 'drizzle-orm'
import type { RegistrationAnswer } from '../../src-shared/sync/protocol'
import type { ServerDb } from '../db/connection'
import { queryRow } from '../db/query'
import { syncedTableNames } from '../../src-main/sync/synced-tables'
import { SyncedWriter } from '../sync/synced-write'
import { hashSecret, registerWorkstation } from './credentials'

// Crockford's alphabet: no I, L, O, U to misread over the phone.
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
const VALID_DAYS = 7

/** "7KQ2-M9XD" → "7KQ2M9XD": what is hashed, however it was typed. */
export function normalizeCode(typed: string): string {
  return typed.replace(/[\s-]/g, '').toUpperCase()
}

const hashCode = (code: string) => createHash('sha256').update(normalizeCode(code)).digest('hex')

/**
 * Registers a workstation of an office and makes its one-time registration code (valid 7 days):
 * the administrator types the code into the new workstation's first-run wizard.
 */
export async function issueRegistrationCode(
  db: ServerDb,
  input: { officeId: string; name: string; receiptPrefix: string },
): Promise<{ workstationId: string; code: string; expiresAt: string }> {
  const { workstationId } = await registerWorkstation(db, input)
  const raw = Array.from({ length: 8 }, () => alphabet[randomInt(alphabet.length)]).join('')
  const code = `${raw.slice(0, 4)}-${raw.slice(4)}`
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
