import { createHash, randomBytes } from 'node:crypto'
import { sql, type SQL } from 'drizzle-orm'
import type { OperatorSessionAnswer } from '../../src-shared/sync/protocol'
import type { ServerDb } from '../db/connection'
import { queryRow } from '../db/query'
import type { WorkstationIdentity } from '../workstation/credentials'

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

/** A session as read for a request: its operator and whether the password is still the same. */
export interface SessionRow {
  operatorId: string | null
  fingerprint: string | null
  passwordHash: string | null
}

/**
 * The session this token is, as a query of one row (or none): only at the workstation it was
 * issued to, before expiry, not revoked, and while the operator is active, not deleted and of the
 * workstation's branch. `workstationId` and `branchId` are values or columns of an outer query
 * (a request reads its workstation and its session in one round trip).
 */
export function sessionQuery(token: string, workstationId: SQL | string, branchId: SQL | string) {
  return sql`SELECT s.operator_id AS "operatorId", s.password_fingerprint AS fingerprint,
                    o.password_hash AS "passwordHash"
               FROM operator_sessions s
               JOIN operators o ON o.id = s.operator_id
               LEFT JOIN offices f ON f.id = o.office_id
              WHERE s.token_hash = ${sha256(token)} AND s.workstation_id = ${workstationId}
                AND s.revoked_at IS NULL AND s.expires_at > now()
                AND o.active = 1 AND o.deleted_at IS NULL
                AND (o.office_id IS NULL OR f.branch_id = ${branchId})`
}

/** The session's operator, or null: none, or the password hash is not the one of issue time. */
export function sessionOperatorOf(row: SessionRow | undefined): string | null {
  if (!row?.operatorId || row.passwordHash === null) return null
  return row.fingerprint === passwordFingerprint(row.passwordHash) ? row.operatorId : null
}

/**
 * The operator whose session this token is, or null (see sessionQuery); a central password
 * change or deactivation ends it.
 */
export async function operatorOfSession(
  db: ServerDb,
  ws: WorkstationIdentity,
  token: string,
): Promise<string | null> {
  return sessionOperatorOf(
    await queryRow<SessionRow>(db, sessionQuery(token, ws.workstationId, ws.branchId)),
  )
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
