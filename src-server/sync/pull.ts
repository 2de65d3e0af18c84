import { sql, type SQL } from 'drizzle-orm'
import { syncedTableNames, tableKey } from '../../src-node/sync/synced-tables'
import {
  pulledTableFields,
  SYNC_PROTOCOL_VERSION,
  type PullResponse,
  type SyncCursor,
  type TableDigest,
  type VerifyResponse,
} from '../../src-shared/sync/protocol'
import type { ServerDb } from '../db/connection'
import { pulledColumns, type SyncedTableName } from '../db/schema/mirror'
import { queryRows } from '../db/query'
import type { RecentRow, RecentRows, StreamPage } from './recent-rows'
import { branchKey, headVersion } from './versions'

function scopeOf(branchId: string | null): SQL {
  return branchId === null ? sql`branch_id IS NULL` : sql`branch_id = ${branchId}`
}

const rowValues = (table: SyncedTableName) =>
  sql.raw(
    pulledColumns(table)
      .map((c) => `x.${c}`)
      .join(', '),
  )

/** A row's key as text, its columns joined by '|'. */
const keyExpression = (table: (typeof syncedTableNames)[number]) =>
  sql.raw(
    tableKey(table)
      .map((c) => `${c}::text`)
      .join(` || '|' || `),
  )

/**
 * A table's rows of one stream within `versions` (a condition on sync_version), each as the JSON
 * text of its value array; `withKey` adds its key as text.
 */
const rowsOf = (t: SyncedTableName, branchId: string | null, versions: SQL, withKey = false) =>
  sql`SELECT ${t}::text AS t, sync_version AS v, deleted_at IS NOT NULL AS dead,
             ${withKey ? sql`${keyExpression(t)} AS k,` : sql``}
             json_build_array(${rowValues(t)})::text AS a
        FROM ${sql.identifier(t)} x
       WHERE ${scopeOf(branchId)} AND ${versions}`

/** One stream's tables' heads (newest versions), in the order they sync, and the newest. */
interface StreamHeads {
  heads: Map<SyncedTableName, number>
  head: number
}

/** The tables of a stream with rows past `after`. */
const changedSince = (stream: StreamHeads, after: number) =>
  [...stream.heads].filter(([, version]) => version > after).map(([t]) => t)

/**
 * The rows of one stream with after < version <= head, at most `limit`, per table as the JSON
 * text of their value arrays, made by PostgreSQL (the server never builds them as objects). One
 * statement, so one snapshot: the page's end is the version of the (limit+1)-th row, found on the
 * (branch_id, sync_version) index alone.
 */
async function streamPage(
  db: ServerDb,
  branchId: string | null,
  after: number,
  stream: StreamHeads,
  limit: number,
): Promise<StreamPage> {
  if (limit <= 0) return { tables: [], more: true }
  const { head } = stream
  const tables = changedSince(stream, after)
  const inStream = sql`${scopeOf(branchId)} AND sync_version > ${after}`
  const bounds = tables.map(
    (t) =>
      sql`(SELECT sync_version AS v FROM ${sql.identifier(t)}
            WHERE ${inStream} AND sync_version <= ${head}
            ORDER BY sync_version LIMIT ${limit + 1})`,
  )
  const rows = tables.map((t) =>
    rowsOf(
      t,
      branchId,
      sql`sync_version > ${after} AND sync_version < coalesce((SELECT v FROM bound), ${head + 1})`,
    ),
  )
  const answer = await queryRows<StreamPage['tables'][number] & { bound: number | null }>(
    db,
    sql`WITH bound AS (SELECT v FROM (${sql.join(bounds, sql` UNION ALL `)}) s
                        ORDER BY v LIMIT 1 OFFSET ${limit})
        SELECT (SELECT v FROM bound) AS bound, p.* FROM (SELECT 1) one LEFT JOIN (
          SELECT t, string_agg(a, ',' ORDER BY v) FILTER (WHERE NOT dead) AS live,
                 string_agg(a, ',' ORDER BY v) FILTER (WHERE dead) AS dead,
                 max(v) AS last, count(*) AS count
            FROM (${sql.join(rows, sql` UNION ALL `)}) s GROUP BY t) p ON true`,
  )
  return {
    tables: answer
      .filter((r) => r.t !== null)
      .map((r) => ({ ...r, last: Number(r.last), count: Number(r.count) })),
    more: answer[0]!.bound !== null,
  }
}

/** The rows of one stream with from < version <= to, one by one in version order. */
function readRows(
  db: ServerDb,
  branchId: string | null,
  stream: StreamHeads,
  from: number,
  to: number,
): Promise<RecentRow[]> {
  const parts = changedSince(stream, from).map((t) =>
    rowsOf(t, branchId, sql`sync_version > ${from} AND sync_version <= ${to}`, true),
  )
  if (parts.length === 0) return Promise.resolve([])
  return queryRows<RecentRow>(db, sql`${sql.join(parts, sql` UNION ALL `)} ORDER BY v`)
}

/**
 * One page of what changed for a workstation, as the JSON text of a `PullResponse`: global rows
 * first (branch rows refer to them), then its branch's rows. No transaction: the tables' heads
 * read first cap each stream, and versions follow commit order, so every version up to a head was
 * committed before it was read. A row written later has a higher version and waits for the next
 * page; the cursor never passes a row that commits later.
 */
export async function pullPageJson(
  db: ServerDb,
  branchId: string,
  cursor: SyncCursor,
  limit: number,
  table?: string,
  recent?: RecentRows,
  /** The client's sync protocol: the pulled tables' field names follow it. */
  protocol: number = SYNC_PROTOCOL_VERSION,
): Promise<string> {
  const f = pulledTableFields(protocol)
  const answer = (items: string[], count: number, next: SyncCursor, more: boolean) =>
    `{"tables":[${items.join(',')}],"count":${count},"cursor":${JSON.stringify(next)},"more":${more}}`
  // Most pulls find nothing new: the heads answer them without touching the tables.
  const changed = await changedStreams(db, branchId, cursor, table)
  const next = { ...cursor }
  const items: string[] = []
  let count = 0
  const take = async (key: keyof SyncCursor, branch: string | null) => {
    const stream = changed.get(branchKey(branch))
    if (!stream) return false
    const after = cursor[key]
    // A re-pull of one table reads it whole; other pulls go through the recent rows.
    const cached =
      recent && !table
        ? await recent.page(branchKey(branch), after, stream.head, limit - count, (from, to) =>
            readRows(db, branch, stream, from, to),
          )
        : null
    const page = cached ?? (await streamPage(db, branch, after, stream, limit - count))
    for (const t of page.tables) {
      items.push(
        `{"${f.table}":"${t.t}","${f.columns}":${JSON.stringify(pulledColumns(t.t))},"rows":[${t.live ?? ''}],"${f.deleted}":[${t.dead ?? ''}]}`,
      )
      next[key] = Math.max(next[key], t.last)
      count += t.count
    }
    return page.more
  }
  if (await take('global', null)) return answer(items, count, next, true)
  const more = await take('branch', branchId)
  return answer(items, count, next, more)
}

/**
 * The heads of the streams with rows past the cursor, by stream key ('' = global); `only`
 * narrows them to one table (a re-pull).
 */
async function changedStreams(
  db: ServerDb,
  branchId: string,
  cursor: SyncCursor,
  only: string | undefined,
): Promise<Map<string, StreamHeads>> {
  const rows = await queryRows<{ branchKey: string; tableName: SyncedTableName; version: number }>(
    db,
    sql`SELECT branch_key AS "branchKey", table_name AS "tableName", version FROM table_heads
         WHERE branch_key IN (${branchKey(branchId)}, ${branchKey(null)})`,
  )
  const streams = new Map<string, StreamHeads>()
  for (const name of syncedTableNames) {
    if (only !== undefined && name !== only) continue
    for (const r of rows.filter((row) => row.tableName === name)) {
      const stream = streams.get(r.branchKey) ?? { heads: new Map(), head: 0 }
      stream.heads.set(name, Number(r.version))
      stream.head = Math.max(stream.head, Number(r.version))
      streams.set(r.branchKey, stream)
    }
  }
  const after = (key: string) => (key === branchKey(null) ? cursor.global : cursor.branch)
  for (const [key, stream] of streams) if (stream.head <= after(key)) streams.delete(key)
  return streams
}

/** One page as objects (tests and tools; the HTTP route sends the text as it is). */
export async function pullPage(
  db: ServerDb,
  branchId: string,
  cursor: SyncCursor,
  limit: number,
  table?: string,
  recent?: RecentRows,
): Promise<PullResponse> {
  return JSON.parse(await pullPageJson(db, branchId, cursor, limit, table, recent)) as PullResponse
}

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
