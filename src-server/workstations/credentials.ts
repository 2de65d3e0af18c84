import { randomBytes, scryptSync } from 'node:crypto'
import { sql } from 'drizzle-orm'
import { uuidv7 } from 'uuidv7'
import { verifyPassword } from '../../src-main/operators/password'
import type { ServerDb } from '../db/connection'
import { queryRow } from '../db/query'
import { SyncedWriter } from '../sync/synced-write'

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
function hashSecret(secret: string): string {
  const salt = randomBytes(16)
  const hash = scryptSync(secret, salt, 32, { N, r: 8, p: 1 })
  return ['scrypt', N, 8, 1, salt.toString('base64'), hash.toString('base64')].join('$')
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
    await new SyncedWriter(tx, office.branchId).insert('workstations', [
      { id: workstationId, ...input, secretHash: hashSecret(secret) },
    ])
    return { workstationId, secret, branchId: office.branchId }
  })
}

/** The workstation a request comes from, or null when its credentials do not match. */
export async function authenticate(
  db: ServerDb,
  workstationId: string | undefined,
  secret: string | undefined,
): Promise<WorkstationIdentity | null> {
  if (!workstationId || !secret) return null
  const row = await queryRow<{ branchId: string; secretHash: string | null }>(
    db,
    sql`SELECT branch_id AS "branchId", secret_hash AS "secretHash" FROM workstations
         WHERE id = ${workstationId} AND deleted_at IS NULL`,
  )
  if (!row?.secretHash || !verifyPassword(secret, row.secretHash)) return null
  return { workstationId, branchId: row.branchId }
}
