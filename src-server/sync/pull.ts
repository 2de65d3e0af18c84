import { sql, type SQL } from 'drizzle-orm'
import { syncedTableNames, tableKey } from '../../src-main/sync/synced-tables'
import type {
  PulledRow,
  PullResponse,
  SyncCursor,
  TableDigest,
  VerifyResponse,
} from '../../src-shared/sync/protocol'
import type { ServerDb } from '../db/connection'
import { queryRows } from '../db/query'
import { headVersion } from './versions'

interface StreamRow {
  v: number
  t: string
  r: Record<string, unknown>
  deleted: boolean
}

function scopeOf(branchId: string | null): SQL {
  return branchId === null ? sql`branch_id IS NULL` : sql`branch_id = ${branchId}`
}

/**
 * The version that ends a page of `limit` rows of one stream, or null when fewer remain. Only the
 * (branch_id, sync_version) index is read: merged lazily, no row is built.
 */
async function pageBound(
  tx: ServerDb,
  branchId: string | null,
  after: number,
  limit: number,
  tables: readonly string[],
): Promise<number | null> {
  const parts = tables.map(
    (t) =>
      sql`(SELECT sync_version AS v FROM ${sql.identifier(t)}
            WHERE ${scopeOf(branchId)} AND sync_version > ${after}
            ORDER BY sync_version LIMIT ${limit + 1})`,
  )
  const [row] = await queryRows<{ v: number }>(
    tx,
    sql`SELECT v FROM (${sql.join(parts, sql` UNION ALL `)}) s ORDER BY v LIMIT 1 OFFSET ${limit}`,
  )
  return row ? Number(row.v) : null
}

/** The rows of one stream with after < version < before (no upper end when before is null). */
function streamRows(
  tx: ServerDb,
  branchId: string | null,
  after: number,
  before: number | null,
  tables: readonly string[],
): Promise<StreamRow[]> {
  const upper = before === null ? sql`` : sql` AND sync_version < ${before}`
  const parts = tables.map(
    (t) =>
      sql`SELECT sync_version AS v, ${t}::text AS t,
                 to_jsonb(x) - 'sync_version' - 'deleted_at' - 'secret_hash' AS r,
                 deleted_at IS NOT NULL AS deleted
            FROM ${sql.identifier(t)} x
           WHERE ${scopeOf(branchId)} AND sync_version > ${after}${upper}`,
  )
  return queryRows<StreamRow>(tx, sql`${sql.join(parts, sql` UNION ALL `)} ORDER BY v`)
}

/**
 * One page of what changed for a workstation: global rows first (branch rows refer to them), then
 * its branch's rows. Read in one REPEATABLE READ snapshot so all tables agree; versions follow
 * commit order, so the cursor never passes a row that commits later.
 */
export async function pullPage(
  db: ServerDb,
  branchId: string,
  cursor: SyncCursor,
  limit: number,
  table?: string,
): Promise<PullResponse> {
  const tables = table ? syncedTableNames.filter((t) => t === table) : syncedTableNames
  // Most pulls find nothing new: two counter reads answer them without touching the tables.
  if (
    !table &&
    cursor.branch >= (await headVersion(db, branchId)) &&
    cursor.global >= (await headVersion(db, null))
  ) {
    return { rows: [], cursor, more: false }
  }
  return db.transaction(
    async (tx) => {
      const next = { ...cursor }
      const rows: PulledRow[] = []
      const take = async (stream: keyof SyncCursor, branch: string | null, room: number) => {
        const bound = await pageBound(tx, branch, cursor[stream], room, tables)
        for (const row of await streamRows(tx, branch, cursor[stream], bound, tables)) {
          rows.push(row.deleted ? { t: row.t, r: row.r, d: true } : { t: row.t, r: row.r })
          next[stream] = Number(row.v)
        }
        return bound !== null
      }
      if (await take('global', null, limit)) return { rows, cursor: next, more: true }
      const more = await take('branch', branchId, limit - rows.length)
      return { rows, cursor: next, more }
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  )
}

const keyExpression = (table: (typeof syncedTableNames)[number]) =>
  sql.raw(
    tableKey(table)
      .map((c) => `${c}::text`)
      .join(` || '|' || `),
  )

/** Per-table count and md5 of the sorted keys of live rows a workstation should hold. */
export async function verifyDigests(db: ServerDb, branchId: string): Promise<VerifyResponse> {
  return db.transaction(
    async (tx) => {
      const tables: Record<string, TableDigest> = {}
      for (const t of syncedTableNames) {
        const [row] = await queryRows<{ count: number; hash: string | null }>(
          tx,
          sql`SELECT count(*) AS count,
                     md5(coalesce(string_agg(${keyExpression(t)}, E'\n' ORDER BY ${keyExpression(t)} COLLATE "C"), '')) AS hash
                FROM ${sql.identifier(t)}
               WHERE (branch_id = ${branchId} OR branch_id IS NULL) AND deleted_at IS NULL`,
        )
        tables[t] = { count: Number(row!.count), hash: row!.hash ?? '' }
      }
      const cursor = {
        branch: await headVersion(tx, branchId),
        global: await headVersion(tx, null),
      }
      return { tables, cursor }
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  )
}
