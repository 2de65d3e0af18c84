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

/** Rows of one stream (a branch, or global when null) past `after`, in version order. */
function streamQuery(
  branchId: string | null,
  after: number,
  limit: number,
  tables: readonly string[],
): SQL {
  const scope = branchId === null ? sql`branch_id IS NULL` : sql`branch_id = ${branchId}`
  const parts = tables.map(
    (t) =>
      sql`(SELECT sync_version AS v, ${t}::text AS t,
                  to_jsonb(x) - 'sync_version' - 'deleted_at' - 'secret_hash' AS r,
                  deleted_at IS NOT NULL AS deleted
             FROM ${sql.identifier(t)} x WHERE ${scope} AND sync_version > ${after}
            ORDER BY sync_version LIMIT ${limit})`,
  )
  // UNION ALL of index-ordered scans with ORDER BY + LIMIT: PostgreSQL merges them lazily.
  return sql`SELECT v, t, r, deleted FROM (${sql.join(parts, sql` UNION ALL `)}) s ORDER BY v LIMIT ${limit}`
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
  return db.transaction(
    async (tx) => {
      const next = { ...cursor }
      const global = await queryRows<StreamRow>(
        tx,
        streamQuery(null, cursor.global, limit + 1, tables),
      )
      const rows: PulledRow[] = []
      const take = (list: StreamRow[], n: number, stream: keyof SyncCursor) => {
        for (const row of list.slice(0, n)) {
          rows.push(row.deleted ? { t: row.t, r: row.r, d: true } : { t: row.t, r: row.r })
          next[stream] = Number(row.v)
        }
      }
      take(global, limit, 'global')
      if (global.length > limit) return { rows, cursor: next, more: true }
      const room = limit - rows.length
      const branch = await queryRows<StreamRow>(
        tx,
        streamQuery(branchId, cursor.branch, room + 1, tables),
      )
      take(branch, room, 'branch')
      return { rows, cursor: next, more: branch.length > room }
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
