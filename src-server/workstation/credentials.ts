import { createHash, randomBytes, scrypt, scryptSync, timingSafeEqual } from 'node:crypto'
import { sql } from 'drizzle-orm'
import { uuidv7 } from 'uuidv7'
import type { ServerDb } from '../db/connection'
import { queryRow } from '../db/query'
import { SyncedWriter } from '../sync/synced-write'
import { sessionOperatorOf, sessionQuery, type SessionRow } from '../operators/sessions'

export interface WorkstationIdentity {
  workstationId: string
  branchId: string
}

export interface WorkstationCredentials {
  workstationId: string
  secret: string
}

// A secret is 32 random bytes, not a password: scrypt at a low cost keeps each request cheap.
const N = 1024
export function hashSecret(secret: string): string {
  const salt = randomBytes(16)
  const hash = scryptSync(secret, salt, 32, { N, r: 8, p: 1 })
  return ['scrypt', N, 8, 1, salt.toString('base64'), hash.toString('base64')].join('$')
}

/** Checks a secret on libuv's thread pool: a request never blocks the server's event loop. */
function verifySecret(secret: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, hash] = stored.split('$')
  if (kind !== 'scrypt' || !salt || !hash) return Promise.resolve(false)
  const expected = Buffer.from(hash, 'base64')
  return new Promise((resolve) =>
    scrypt(
      secret,
      Buffer.from(salt, 'base64'),
      expected.length,
      { N: Number(n), r: Number(r), p: Number(p) },
      (error, actual) => resolve(!error && timingSafeEqual(actual, expected)),
    ),
  )
}

/** Registers a workstation of an office (binding it to the office's branch) and makes its secret. */
export async function registerWorkstation(
  db: ServerDb,
  input: { officeId: string; name: string; receiptPrefix: string },
): Promise<WorkstationCredentials & { branchId: string }> {
  return db.transaction(async (tx) => {
    const office = await queryRow<{ branchId: string }>(
      tx,
      sql`SELECT branch_id AS "branchId" FROM offices WHERE id = ${input.officeId}`,
    )
    if (!office) throw new Error(`office ${input.officeId} not found`)
    const workstationId = uuidv7()
    const secret = randomBytes(32).toString('base64url')
    const write = new SyncedWriter(tx, office.branchId)
    await write.insert('workstations', [
      { id: workstationId, ...input, secretHash: hashSecret(secret) },
    ])
    await write.flush()
    return { workstationId, secret, branchId: office.branchId }
  })
}

/**
 * Stored hash → SHA-256 of the secret that matched it. Every request still reads the workstation
 * (a revoked one is refused at once); only the repeated scrypt is skipped.
 */
const verified = new Map<string, Buffer>()
const VERIFIED_LIMIT = 10_000

async function secretMatches(secret: string, stored: string): Promise<boolean> {
  const digest = createHash('sha256').update(secret).digest()
  const known = verified.get(stored)
  if (known) return timingSafeEqual(known, digest)
  if (!(await verifySecret(secret, stored))) return false
  if (verified.size >= VERIFIED_LIMIT) verified.clear()
  verified.set(stored, digest)
  return true
}

/** The workstation a request comes from, or null when its credentials do not match. */
export async function authenticate(
  db: ServerDb,
  workstationId: string | undefined,
  secret: string | undefined,
): Promise<WorkstationIdentity | null> {
  return (await authenticateWithSession(db, workstationId, secret, undefined))?.identity ?? null
}

/**
 * The workstation a request comes from and, when it carries an operator's session token, that
 * session's operator (null when it no longer stands): one round trip for both, every request
 * (a deleted workstation or an ended session is refused at once). Null when the workstation's
 * credentials do not match; a session is never looked at without them.
 */
export async function authenticateWithSession(
  db: ServerDb,
  workstationId: string | undefined,
  secret: string | undefined,
  token: string | undefined,
): Promise<{ identity: WorkstationIdentity; sessionOperatorId: string | null } | null> {
  if (!workstationId || !secret) return null
  const session = token
    ? sql`LEFT JOIN LATERAL (${sessionQuery(token, sql`w.id`, sql`w.branch_id`)}) s ON true`
    : sql``
  const row = await queryRow<{ branchId: string; secretHash: string | null } & SessionRow>(
    db,
    sql`SELECT w.branch_id AS "branchId", w.secret_hash AS "secretHash"
               ${token ? sql`, s.*` : sql``}
          FROM workstations w ${session}
         WHERE w.id = ${workstationId} AND w.deleted_at IS NULL`,
  )
  if (!row?.secretHash || !(await secretMatches(secret, row.secretHash))) return null
  return {
    identity: { workstationId, branchId: row.branchId },
    sessionOperatorId: token ? sessionOperatorOf(row) : null,
  }
}
