import { createHash, randomBytes } from 'node:crypto'
import { sql } from 'drizzle-orm'
import type { OperatorSessionAnswer } from '../../src-shared/sync/protocol'
import type { ServerDb } from '../db/connection'
import { queryRow } from '../db/query'
import type { WorkstationIdentity } from '../workstations/credentials'

const SESSION_HOURS = 12
/** Expired sessions are dropped this long after expiry, when another one is issued. */
const KEEP_EXPIRED_DAYS = 7

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

/** Ties a session to the password hash it was issued under, without storing the hash twice. */
export const passwordFingerprint = (passwordHash: string) => sha256(passwordHash)

/**
 * Opens an online session of an operator who just proved their password at this workstation:
 * a random 32-byte token for the workstation, only its hash kept here.
 */
export async function issueOperatorSession(
  db: ServerDb,
  ws: WorkstationIdentity,
  operator: { id: string; passwordHash: string },
): Promise<OperatorSessionAnswer> {
  const token = randomBytes(32).toString('base64url')
  await db.execute(
    sql`DELETE FROM operator_sessions
         WHERE expires_at < now() - make_interval(days => ${KEEP_EXPIRED_DAYS})`,
  )
  const row = await queryRow<{ expiresAt: Date | string }>(
    db,
    sql`INSERT INTO operator_sessions
          (token_hash, operator_id, workstation_id, password_fingerprint, expires_at)
        VALUES (${sha256(token)}, ${operator.id}, ${ws.workstationId},
                ${passwordFingerprint(operator.passwordHash)},
                now() + make_interval(hours => ${SESSION_HOURS}))
        RETURNING expires_at AS "expiresAt"`,
  )
  return { token, expiresAt: new Date(row!.expiresAt).toISOString() }
}

/**
 * The operator whose session this token is, or null: only at the workstation it was issued to,
 * before expiry, not revoked, and while the operator is active, not deleted, of the workstation's
 * branch and with the password hash of issue time (a central password change or deactivation
 * ends it).
 */
export async function operatorOfSession(
  db: ServerDb,
  ws: WorkstationIdentity,
  token: string,
): Promise<string | null> {
  const row = await queryRow<{ operatorId: string; fingerprint: string; passwordHash: string }>(
    db,
    sql`SELECT s.operator_id AS "operatorId", s.password_fingerprint AS fingerprint,
               o.password_hash AS "passwordHash"
          FROM operator_sessions s
          JOIN operators o ON o.id = s.operator_id
          LEFT JOIN offices f ON f.id = o.office_id
         WHERE s.token_hash = ${sha256(token)} AND s.workstation_id = ${ws.workstationId}
           AND s.revoked_at IS NULL AND s.expires_at > now()
           AND o.active = 1 AND o.deleted_at IS NULL
           AND (o.office_id IS NULL OR f.branch_id = ${ws.branchId})`,
  )
  return row && row.fingerprint === passwordFingerprint(row.passwordHash) ? row.operatorId : null
}

/** Ends a session at the operator's logout; false when this workstation holds no such session. */
export async function revokeOperatorSession(
  db: ServerDb,
  ws: WorkstationIdentity,
  token: string,
): Promise<boolean> {
  const row = await queryRow(
    db,
    sql`UPDATE operator_sessions SET revoked_at = now()
         WHERE token_hash = ${sha256(token)} AND workstation_id = ${ws.workstationId}
           AND revoked_at IS NULL
        RETURNING 1`,
  )
  return !!row
}
