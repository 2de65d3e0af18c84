import { getTableColumns, sql, type SQL } from 'drizzle-orm'
import { snake, tableKey } from '../../src-node/sync/synced-tables'
import type { ServerDb } from '../db/connection'
import { queryRow } from '../db/query'
import { mirrorTables, type SyncedTableName } from '../db/schema'
import type { GroupWrites } from './group-writes'
import { branchKey, headsUpsert, type HeldCounters } from './versions'

export type Row = Record<string, unknown>

interface Pending {
  table: SyncedTableName
  rows: Row[]
  branchId: string | null
  /** Rows whose key may exist already (live or a tombstone): written over, alive again. */
  upsert?: boolean
  /** Rows are ids only: each row gets these columns (camelCase) and a new version. */
  set?: Row
}

/** The version of the `offset`-th row (from 0) a write takes from a branch's counter. */
type VersionOf = (branchId: string | null, offset: number) => SQL

/** A table written, and the offset of its last row in its branch's versions. */
interface Written {
  branchId: string | null
  table: SyncedTableName
  offset: number
}

/** A write whose versions are SQL: taken in the same statement, or known numbers later. */
type Write = (version: VersionOf) => SQL

/** Queued rows as writes, with the versions they take from each branch's counter. */
interface Queued {
  taken: Map<string | null, number>
  writes: Write[]
  written: Written[]
}

/** Rows per statement: one JSON parameter each, far cheaper than a bind parameter per value. */
const CHUNK = 5000
/** Writes per round trip (data-modifying CTEs of one statement). */
const GROUP = 8

/**
 * Collects a command's (or an admin write's) synced rows and writes them at `flush`, inside the
 * caller's transaction, each with its own version from its branch's counter (null = global). The
 * counter is moved in the same statement as the first rows: its row lock, held to the commit,
 * orders writers, so versions follow commit order, and a command's writes cost one round trip
 * under the lock. A refusal before the flush writes nothing, so no savepoint is needed. Each
 * table's head (its newest version) moves with it, so a pull reads only tables that changed.
 */
export class SyncedWriter {
  lastVersion: number | null = null
  private pending: Pending[] = []

  constructor(
    readonly tx: ServerDb,
    readonly branchId: string | null,
    /** A transaction of many commands holds its counters instead (see HeldCounters). */
    private readonly held: HeldCounters | null = null,
    /** Inserted rows wait in the pushed group's buffer, written once per table (GroupWrites). */
    private readonly group: GroupWrites | null = null,
  ) {}

  /** A writer of global rows (tariffs, suppliers, settings) in the same transaction. */
  global(): SyncedWriter {
    return new SyncedWriter(this.tx, null, this.held, this.group)
  }

  /** Queues rows (camelCase keys); `branchId` overrides the writer's branch (global rows). */
  async insert(table: SyncedTableName, rows: Row[], branchId = this.branchId): Promise<void> {
    if (rows.length > 0) this.pending.push({ table, rows, branchId })
  }

  /** Queues rows that replace any row with the same key (a tombstone comes back to life). */
  async upsert(table: SyncedTableName, rows: Row[]): Promise<void> {
    if (rows.length > 0) this.pending.push({ table, rows, branchId: this.branchId, upsert: true })
  }

  /**
   * Queues the same change of many rows by id (one statement, not a row each): each changed row
   * takes its own version, so pulls carry it; the rest of the row is left as it is.
   */
  async updateMany(table: SyncedTableName, ids: readonly string[], set: Row): Promise<void> {
    if (ids.length === 0) return
    if (this.group) {
      // Not a row of the group's buffer: written now, behind what the buffer holds.
      await this.flush()
      await this.direct(table)
      this.pending.push({ table, rows: ids.map((id) => ({ id })), branchId: this.branchId, set })
      const queued = this.queued()!
      this.pending = []
      return this.run(queued)
    }
    this.pending.push({ table, rows: ids.map((id) => ({ id })), branchId: this.branchId, set })
  }

  /** Before a write that is not the group's: the buffer goes first, and checks of `table` ask again. */
  private async direct(table: SyncedTableName): Promise<void> {
    await this.group?.send()
    this.group?.change(table)
  }

  /** Marks one row deleted by its key (camelCase), with a new version: pulled as a tombstone. */
  async remove(table: SyncedTableName, key: Row, at: string): Promise<void> {
    await this.flush()
    await this.direct(table)
    const where = Object.entries(key).map(([k, v]) => sql`${sql.identifier(snake(k))} = ${v}`)
    await this.run({
      taken: new Map([[this.branchId, 1]]),
      writes: [
        (version) =>
          sql`UPDATE ${sql.identifier(table)} SET deleted_at = ${at}, sync_version = ${version(this.branchId, 0)}
               WHERE ${sql.join(where, sql` AND `)}`,
      ],
      written: [{ branchId: this.branchId, table, offset: 0 }],
    })
  }

  /** Updates one row by id with a new version, so pulls carry the change (written at once). */
  async update(table: SyncedTableName, id: string, set: Row): Promise<void> {
    await this.flush()
    await this.direct(table)
    const target = mirrorTables[table] as unknown as { id: never }
    await this.run({
      taken: new Map([[this.branchId, 1]]),
      writes: [
        (version) =>
          this.tx
            .update(mirrorTables[table])
            .set({ ...set, syncVersion: version(this.branchId, 0) } as never)
            .where(sql`${target.id} = ${id}`)
            .getSQL(),
      ],
      written: [{ branchId: this.branchId, table, offset: 0 }],
    })
  }

  /** Writes what is queued; versions follow the order rows were queued in. */
  async flush(): Promise<void> {
    if (this.group && this.held) return this.queueInGroup(this.group, this.held)
    const queued = this.queued()
    this.pending = []
    if (queued) await this.run(queued)
  }

  /**
   * Sends what is queued and `closing` (the rest of the transaction's writes, given this
   * writer's last version as SQL) as one statement, without waiting for it: the counter's lock
   * it takes is then held only while the database runs it and the commit sent behind it, never
   * across a round trip to this server. The answer is the last version. Null, and nothing sent,
   * when there is nothing queued, counters are held, or the writes need more than one statement.
   */
  sendWith(closing: (lastVersion: SQL | null) => SQL[]): Promise<number | null> | null {
    const queued = this.held ? null : this.queued()
    if (!queued || queued.writes.length > GROUP) return null
    this.pending = []
    const first = this.firstStatement(queued, closing)
    return queryRow<Record<string, number>>(this.tx, first.statement).then((row) => {
      first.read(row!)
      return this.lastVersion
    })
  }

  /** Hands what is queued to the group's buffer, each row with its version taken now. */
  private async queueInGroup(group: GroupWrites, held: HeldCounters): Promise<void> {
    const pending = this.pending
    this.pending = []
    for (const p of pending) {
      const last = await held.take(p.branchId, p.rows.length)
      group.add(p.table, p.rows, p.branchId, last - p.rows.length + 1, p.upsert ?? false)
      held.noteHead(p.branchId, p.table, last)
      if (p.branchId === this.branchId) this.lastVersion = last
    }
  }

  /** What is queued, as writes (null when nothing is). */
  private queued(): Queued | null {
    const pending = this.pending
    if (pending.length === 0) return null
    const taken = new Map<string | null, number>()
    const writes: Write[] = []
    const written: Written[] = []
    for (const p of pending) {
      const first = taken.get(p.branchId) ?? 0
      taken.set(p.branchId, first + p.rows.length)
      for (let i = 0; i < p.rows.length; i += CHUNK) {
        const rows = p.rows.slice(i, i + CHUNK)
        const set = p.set
        writes.push((version) =>
          set
            ? updateRows(p.table, rows, set, p.branchId, version, first + i)
            : insertRows(
                p.table,
                rows,
                p.branchId,
                // Row i of the chunk takes version first + i: ordinality counts from 1.
                sql`${version(p.branchId, first + i - 1)} + r.ordinality`,
                p.upsert ?? false,
              ),
        )
      }
      written.push({ branchId: p.branchId, table: p.table, offset: first + p.rows.length - 1 })
    }
    return { taken, writes, written }
  }

  /**
   * The statement that moves the counters by `taken` (the rows of the first group take their
   * versions from it in SQL) and the tables' heads, with `closing` after the writes; `read` takes
   * the counters' new values from its answer.
   */
  private firstStatement(
    { taken, writes, written }: Queued,
    closing: (lastVersion: SQL | null) => SQL[] = () => [],
  ) {
    const branches = [...taken.keys()]
    const alias = (branchId: string | null) => sql.raw(`c${branches.indexOf(branchId)}`)
    const counters = branches.map(
      (b) =>
        sql`${alias(b)} AS (INSERT INTO branch_versions (branch_key, version)
                            VALUES (${branchKey(b)}, ${taken.get(b)!})
                            ON CONFLICT (branch_key) DO UPDATE SET version = branch_versions.version + ${taken.get(b)!}
                            RETURNING version)`,
    )
    const inSql: VersionOf = (b, offset) =>
      sql`((SELECT version FROM ${alias(b)}) - ${taken.get(b)! - 1 - offset})`
    const own = taken.has(this.branchId) ? sql`(SELECT version FROM ${alias(this.branchId)})` : null
    const first = [
      ...writes.slice(0, GROUP).map((w) => w(inSql)),
      headsUpsert(written.map((w) => ({ ...w, version: inSql(w.branchId, w.offset) }))),
      ...closing(own),
    ]
    const ctes = [...counters, ...first.map((q, k) => sql`${sql.raw(`w${k}`)} AS (${q})`)]
    const lasts = branches.map((b) => sql`(SELECT version FROM ${alias(b)}) AS ${alias(b)}`)
    return {
      statement: sql`WITH ${sql.join(ctes, sql`, `)} SELECT ${sql.join(lasts, sql`, `)}`,
      read: (row: Record<string, number>) => {
        const last = new Map(branches.map((b) => [b, Number(row[`c${branches.indexOf(b)}`])]))
        if (taken.has(this.branchId)) this.lastVersion = last.get(this.branchId)!
        return last
      },
    }
  }

  /**
   * Moves the counters and writes the first group of rows in one statement, then the rest with
   * the versions as numbers; the tables' heads move with the rows. With held counters, versions
   * are numbers from the start and the counters and heads are stored once, at the end of the
   * transaction.
   */
  private async run(queued: Queued): Promise<void> {
    const { taken, writes, written } = queued
    let last = new Map<string | null, number>()
    let rest = writes
    if (this.held) {
      for (const [b, n] of taken) last.set(b, await this.held.take(b, n))
      if (taken.has(this.branchId)) this.lastVersion = last.get(this.branchId)!
    } else {
      const first = this.firstStatement(queued)
      last = first.read((await queryRow<Record<string, number>>(this.tx, first.statement))!)
      rest = writes.slice(GROUP)
    }
    const known = (b: string | null, offset: number) => last.get(b)! - (taken.get(b)! - 1 - offset)
    if (this.held)
      for (const w of written) this.held.noteHead(w.branchId, w.table, known(w.branchId, w.offset))
    for (let i = 0; i < rest.length; i += GROUP) {
      const group = rest.slice(i, i + GROUP).map((w) => w((b, offset) => sql`${known(b, offset)}`))
      const ctes = group.slice(0, -1).map((q, k) => sql`${sql.raw(`w${k}`)} AS (${q})`)
      const write = this.tx.execute(
        ctes.length === 0 ? group[0]! : sql`WITH ${sql.join(ctes, sql`, `)} ${group.at(-1)!}`,
      )
      if (this.held?.deferWrites) this.held.defer(write)
      else await write
    }
  }
}

/** Rows from which an insert sends its columns as arrays (below, one JSON array of objects). */
const COLUMNAR = 100

/**
 * Inserts rows (camelCase or snake_case keys) of one branch as one statement; `version` is each
 * row's version in SQL over the row `r` (its `ordinality`, or its own `sync_version`). Many rows
 * go column by column, each column one JSON array parameter read back in step by one ROWS FROM:
 * PostgreSQL then parses arrays of scalars, not an object with the same keys again per row
 * (json_populate_recordset's parsing was a third of a billing batch's insert), and no row object
 * is rebuilt here. A few rows (a pushed command's) go as one array of objects, whose statement
 * plans and builds faster.
 */
export function insertRows(
  table: SyncedTableName,
  rows: Row[],
  branchId: string | null,
  version: SQL,
  upsert: boolean,
): SQL {
  const { columns, source } =
    rows.length >= COLUMNAR ? columnarSource(table, rows) : objectSource(table, rows)
  const written = columns.filter((c) => c !== 'branch_id' && c !== 'sync_version')
  const list = sql.raw(written.map((c) => `"${c}"`).join(', '))
  const picked = sql.raw(written.map((c) => `r."${c}"`).join(', '))
  const target = sql.identifier(table)
  const key = tableKey(table)
  const overwrite = [...written, 'sync_version'].filter((c) => !key.includes(c))
  const conflict = upsert
    ? sql.raw(
        ` ON CONFLICT (${key.join(', ')}) DO UPDATE SET ${overwrite
          .map((c) => `"${c}" = excluded."${c}"`)
          .join(', ')}, deleted_at = NULL`,
      )
    : sql``
  return sql`INSERT INTO ${target} (${list}, branch_id, sync_version)
             SELECT ${picked}, ${branchId}, ${version}
               FROM ${source} AS r${conflict}`
}

/** The rows as one JSON array of objects (snake_case keys), typed by the table's row type. */
function objectSource(table: SyncedTableName, rows: Row[]): { columns: string[]; source: SQL } {
  const columns = new Set<string>()
  const values = rows.map((row) => {
    const out: Row = {}
    for (const [k, v] of Object.entries(row)) {
      const column = snake(k)
      columns.add(column)
      out[column] = v
    }
    return out
  })
  const target = sql.identifier(table)
  return {
    columns: [...columns],
    source: sql`json_populate_recordset(NULL::${target}, ${JSON.stringify(values)}::json)
                    WITH ORDINALITY`,
  }
}

/** The rows as one JSON array per column, cast to the column's type, with their ordinality. */
function columnarSource(table: SyncedTableName, rows: Row[]): { columns: string[]; source: SQL } {
  // A column's keys in the rows: one, unless rows spell it both ways (then the last one set wins).
  const keysOf = new Map<string, string[]>()
  let shape: string[] = []
  for (const row of rows) {
    const keys = Object.keys(row)
    if (sameKeys(keys, shape)) continue
    shape = keys
    for (const k of keys) {
      const column = snake(k)
      const known = keysOf.get(column)
      if (!known) keysOf.set(column, [k])
      else if (!known.includes(k)) known.push(k)
    }
  }
  const types = columnTypes(table)
  const read: SQL[] = []
  const typed: string[] = []
  let n = 0
  for (const [column, keys] of keysOf) {
    const values =
      keys.length === 1
        ? rows.map((r) => r[keys[0]!])
        : rows.map((r) => keys.reduce<unknown>((v, k) => (r[k] === undefined ? v : r[k]), null))
    read.push(sql`json_array_elements_text(${JSON.stringify(values)}::json)`)
    typed.push(`u.c${n++}::${types.get(column) ?? 'text'} AS "${column}"`)
  }
  const names = sql.raw([...Array(n).keys()].map((k) => `c${k}`).join(', '))
  return {
    columns: [...keysOf.keys()],
    source: sql`(SELECT ${sql.raw(typed.join(', '))}, u.ordinality
                   FROM ROWS FROM (${sql.join(read, sql`, `)})
                        WITH ORDINALITY AS u(${names}, ordinality))`,
  }
}

function sameKeys(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

/** A synced table's SQL column types by snake_case name (the casts of an insert's arrays). */
function columnTypes(table: SyncedTableName): Map<string, string> {
  let types = typesOf.get(table)
  if (!types) {
    types = new Map(
      Object.entries(getTableColumns(mirrorTables[table])).map(([k, c]) => [
        snake(k),
        c.getSQLType(),
      ]),
    )
    typesOf.set(table, types)
  }
  return types
}
const typesOf = new Map<SyncedTableName, Map<string, string>>()

function updateRows(
  table: SyncedTableName,
  rows: Row[],
  set: Row,
  branchId: string | null,
  version: VersionOf,
  first: number,
): SQL {
  const target = sql.identifier(table)
  const columns = Object.entries(set).map(([k, v]) => sql`${sql.identifier(snake(k))} = ${v}`)
  const ids = JSON.stringify(rows.map((r) => r.id))
  // Row i of the chunk takes version first + i, as inserted rows do.
  return sql`UPDATE ${target} t SET ${sql.join(columns, sql`, `)},
                    sync_version = ${version(branchId, first - 1)} + u.ordinality
               FROM json_array_elements_text(${ids}::json) WITH ORDINALITY AS u(id, ordinality)
              WHERE t.id = u.id`
}
