import { sql, type SQL } from 'drizzle-orm'
import { syncedTableNames, tableKey } from '../../src-main/sync/synced-tables'
import type {
  PullResponse,
  SyncCursor,
  TableDigest,
  VerifyResponse,
} from '../../src-shared/sync/protocol'
import type { ServerDb } from '../db/connection'
import { pulledColumns, type SyncedTableName } from '../db/schema/mirror'
import { queryRows } from '../db/query'
import { branchKey, headVersion } from './versions'

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

const rowValues = (table: SyncedTableName) =>
  sql.raw(
    pulledColumns(table)
      .map((c) => `x.${c}`)
      .join(', '),
  )

interface TableJson {
  t: SyncedTableName
  live: string | null
  dead: string | null
  last: number
  count: number
}

/**
 * The rows of one stream with after < version < before (no upper end when before is null), per
 * table as the JSON text of their value arrays, made by PostgreSQL: the server never builds them
 * as objects.
 */
async function streamTables(
  tx: ServerDb,
  branchId: string | null,
  after: number,
  before: number | null,
  tables: readonly SyncedTableName[],
): Promise<TableJson[]> {
  const upper = before === null ? sql`` : sql` AND sync_version < ${before}`
  const parts = tables.map(
    (t) =>
      sql`SELECT ${t}::text AS t, sync_version AS v, deleted_at IS NOT NULL AS dead,
                 json_build_array(${rowValues(t)})::text AS a
            FROM ${sql.identifier(t)} x
           WHERE ${scopeOf(branchId)} AND sync_version > ${after}${upper}`,
  )
  const rows = await queryRows<TableJson>(
    tx,
    sql`SELECT t, string_agg(a, ',' ORDER BY v) FILTER (WHERE NOT dead) AS live,
               string_agg(a, ',' ORDER BY v) FILTER (WHERE dead) AS dead,
               max(v) AS last, count(*) AS count
          FROM (${sql.join(parts, sql` UNION ALL `)}) s GROUP BY t`,
  )
  return rows.map((r) => ({ ...r, last: Number(r.last), count: Number(r.count) }))
}

/**
 * One page of what changed for a workstation, as the JSON text of a `PullResponse`: global rows
 * first (branch rows refer to them), then its branch's rows. Read in one REPEATABLE READ snapshot
 * so all tables agree; versions follow commit order, so the cursor never passes a row that commits
 * later.
 */
export async function pullPageJson(
  db: ServerDb,
  branchId: string,
  cursor: SyncCursor,
  limit: number,
  table?: string,
): Promise<string> {
  const answer = (items: string[], count: number, next: SyncCursor, more: boolean) =>
    `{"tables":[${items.join(',')}],"count":${count},"cursor":${JSON.stringify(next)},"more":${more}}`
  const only = table ? syncedTableNames.filter((t) => t === table) : null
  // Most pulls find nothing new: the heads answer them without touching the tables.
  if (!only && (await changedTables(db, branchId, cursor)).size === 0) {
    return answer([], 0, cursor, false)
  }
  return db.transaction(
    async (tx) => {
      // Read again in the page's snapshot: a table changed there has its head there too.
      const changed = only ? null : await changedTables(tx, branchId, cursor)
      const next = { ...cursor }
      const items: string[] = []
      let count = 0
      const take = async (stream: keyof SyncCursor, branch: string | null) => {
        const tables = only ?? [...(changed!.get(branchKey(branch)) ?? [])]
        if (tables.length === 0) return false
        const bound = await pageBound(tx, branch, cursor[stream], limit - count, tables)
        for (const t of await streamTables(tx, branch, cursor[stream], bound, tables)) {
          items.push(
            `{"t":"${t.t}","c":${JSON.stringify(pulledColumns(t.t))},"rows":[${t.live ?? ''}],"d":[${t.dead ?? ''}]}`,
          )
          next[stream] = Math.max(next[stream], t.last)
          count += t.count
        }
        return bound !== null
      }
      if (await take('global', null)) return answer(items, count, next, true)
      const more = await take('branch', branchId)
      return answer(items, count, next, more)
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  )
}

/** The tables with rows past the cursor, per stream key ('' = global), in the order they sync. */
async function changedTables(
  db: ServerDb,
  branchId: string,
  cursor: SyncCursor,
): Promise<Map<string, Set<SyncedTableName>>> {
  const rows = await queryRows<{ branchKey: string; tableName: string }>(
    db,
    sql`SELECT branch_key AS "branchKey", table_name AS "tableName" FROM table_heads
         WHERE (branch_key = ${branchKey(branchId)} AND version > ${cursor.branch})
            OR (branch_key = ${branchKey(null)} AND version > ${cursor.global})`,
  )
  const changed = new Map<string, Set<SyncedTableName>>()
  for (const name of syncedTableNames) {
    for (const r of rows.filter((row) => row.tableName === name)) {
      if (!changed.has(r.branchKey)) changed.set(r.branchKey, new Set())
      changed.get(r.branchKey)!.add(name)
    }
  }
  return changed
}

/** One page as objects (tests and tools; the HTTP route sends the text as it is). */
export async function pullPage(
  db: ServerDb,
  branchId: string,
  cursor: SyncCursor,
  limit: number,
  table?: string,
): Promise<PullResponse> {
  return JSON.parse(await pullPageJson(db, branchId, cursor, limit, table)) as PullResponse
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
