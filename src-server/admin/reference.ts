import { sql } from 'drizzle-orm'
import { uuidv7 } from 'uuidv7'
import { hashPassword } from '../../src-node/operators/password'
import type { Role } from '../../src-shared/operators/roles'
import type { ServerDb } from '../db/connection'
import { queryRow } from '../db/query'
import { SyncedWriter, type Row } from '../sync/synced-write'

/** Admin writes of reference data, each in one transaction with versions from the counters. */
async function write(
  db: ServerDb,
  branchId: string | null,
  run: (w: SyncedWriter) => Promise<void>,
) {
  await db.transaction(async (tx) => {
    const writer = new SyncedWriter(tx, branchId)
    await run(writer)
    await writer.flush()
  })
}

export async function createBranch(
  db: ServerDb,
  input: { code: string; name: string; id?: string },
) {
  const id = input.id ?? uuidv7()
  // Every workstation knows every branch (accounts of other branches are found by number).
  await write(db, null, (w) => w.insert('branches', [{ ...input, id }]))
  return id
}

export async function createOffice(
  db: ServerDb,
  input: { branchId: string; name: string; address: string; phone?: string; id?: string },
) {
  const id = input.id ?? uuidv7()
  await write(db, input.branchId, (w) => w.insert('offices', [{ ...input, id }]))
  return id
}

export async function branchOfOffice(db: ServerDb, officeId: string): Promise<string> {
  const row = await queryRow<{ branchId: string }>(
    db,
    sql`SELECT branch_id AS "branchId" FROM offices WHERE id = ${officeId}`,
  )
  if (!row) throw new Error(`office ${officeId} not found`)
  return row.branchId
}

/** An operator of an office (synced to that branch), or without office (global: admins). */
export async function createOperator(
  db: ServerDb,
  input: {
    login: string
    password: string
    fullName: string
    role: Role
    officeId: string | null
    id?: string
  },
) {
  const id = input.id ?? uuidv7()
  const branchId = input.officeId ? await branchOfOffice(db, input.officeId) : null
  await write(db, branchId, (w) =>
    w.insert('operators', [
      {
        id,
        login: input.login,
        fullName: input.fullName,
        role: input.role,
        officeId: input.officeId,
        passwordHash: hashPassword(input.password),
        active: 1,
        createdAt: new Date().toISOString(),
      },
    ]),
  )
  return id
}

/** Global reference rows (suppliers, services, tariffs, settings) as given. */
export async function insertGlobal(
  db: ServerDb,
  table: 'suppliers' | 'services' | 'tariffs' | 'settings' | 'price_list',
  rows: Row[],
) {
  await write(db, null, (w) => w.insert(table, rows))
}

/** Branch rows written by an admin or an import (accounts, meters, charges...). */
export async function insertBranchRows(
  db: ServerDb,
  branchId: string,
  rows: { table: Parameters<SyncedWriter['insert']>[0]; rows: Row[] }[],
) {
  await write(db, branchId, async (w) => {
    for (const r of rows) await w.insert(r.table, r.rows)
  })
}
