import { syncedTableNames } from '../../src-node/sync/synced-tables'
import type { SyncedTableName } from '../db/schema/mirror'

/** One row of a stream as a pull read it: its JSON value array and its key, for dedupe. */
export interface RecentRow {
  v: number
  t: SyncedTableName
  /** The row's key as text: a page sends only the newest row of a key. */
  k: string
  dead: boolean
  a: string
}

/** A page of one stream: per table the JSON text of its live and deleted rows. */
export interface StreamPage {
  tables: {
    t: SyncedTableName
    live: string | null
    dead: string | null
    last: number
    count: number
  }[]
  more: boolean
}

/** Reads a stream's rows with from < version <= to, in version order. */
export type ReadRows = (from: number, to: number) => Promise<RecentRow[]>

interface Window {
  /** Covers (lo, hi]: every row whose version was in it when read is in `rows`. */
  lo: number
  hi: number
  rows: RecentRow[]
  /** Reads that change the window, one at a time. */
  queue: Promise<unknown>
}

/**
 * The newest rows of each stream (a branch, or the global rows) as pulls have read them, so a
 * hundred workstations pulling the same new rows cost the database one read of them, not a
 * hundred. Each server process keeps its own, filled only from the database, so several of them
 * behind a load balancer stay correct. A row changed after it was read also has its newer version,
 * past the old one: a page that holds both sends only the newer, and one that ends between them
 * leaves the newer to the next page, as a later pull would have.
 */
export class RecentRows {
  private readonly windows = new Map<string, Window>()

  constructor(
    /** The versions a window spans; a pull further behind reads the database directly. */
    private readonly span = 2000,
    private readonly maxStreams = 64,
  ) {}

  /**
   * The page of rows with after < version <= head, at most `limit`; null when the window cannot
   * serve it: the pull is too far behind (a bootstrap, a workstation back after days), or its
   * head is older than the window. `read` may be asked for no versions past `head`: the tables
   * the pull found changed are all it knows of.
   */
  async page(
    stream: string,
    after: number,
    head: number,
    limit: number,
    read: ReadRows,
  ): Promise<StreamPage | null> {
    if (head - after > this.span) return null
    const w = this.window(stream, after)
    const served = w.queue.then(async () => {
      // A window left far behind is dropped rather than read up to the head.
      if (head - w.hi > this.span) Object.assign(w, { lo: after, hi: after, rows: [] })
      if (w.hi < head) {
        w.rows.push(...(await read(w.hi, head)))
        w.hi = head
      }
      const cut = w.hi - this.span
      if (cut > w.lo) {
        const keep = w.rows.findIndex((r) => r.v > cut)
        w.rows.splice(0, keep === -1 ? w.rows.length : keep)
        w.lo = cut
      }
      if (w.lo > head) return null
      if (after < w.lo) {
        w.rows.unshift(...(await read(after, w.lo)))
        w.lo = after
      }
      return pageOf(w.rows, after, head, limit)
    })
    w.queue = served.catch(() => {})
    return served
  }

  private window(stream: string, after: number): Window {
    let w = this.windows.get(stream)
    if (w) {
      this.windows.delete(stream)
    } else {
      w = { lo: after, hi: after, rows: [], queue: Promise.resolve() }
      if (this.windows.size >= this.maxStreams) {
        this.windows.delete(this.windows.keys().next().value!)
      }
    }
    // Most recently used last: the first one is the one to drop.
    this.windows.set(stream, w)
    return w
  }
}

/** The first `limit` rows past `after` up to `head`, the newest of each key, table by table. */
function pageOf(rows: RecentRow[], after: number, head: number, limit: number): StreamPage {
  // The window is in version order: the first row past `after` by halving, not by a walk over
  // every row before it (a hundred pulls a round each found it in up to 2,000 rows).
  let first = 0
  for (let hi = rows.length; first < hi;) {
    const mid = (first + hi) >>> 1
    if (rows[mid]!.v <= after) first = mid + 1
    else hi = mid
  }
  let end = first
  while (end < rows.length && end - first < limit && rows[end]!.v <= head) end++
  const more = end < rows.length && rows[end]!.v <= head
  const newest = new Map<string, RecentRow>()
  for (let i = first; i < end; i++) {
    const row = rows[i]!
    const key = `${row.t}|${row.k}`
    newest.delete(key)
    newest.set(key, row)
  }
  const byTable = new Map<SyncedTableName, RecentRow[]>()
  for (const row of newest.values()) {
    const list = byTable.get(row.t)
    if (list) list.push(row)
    else byTable.set(row.t, [row])
  }
  const tables: StreamPage['tables'] = []
  for (const t of syncedTableNames) {
    const list = byTable.get(t)
    if (!list) continue
    const text = (dead: boolean) => {
      const picked = list.filter((r) => r.dead === dead)
      return picked.length === 0 ? null : picked.map((r) => r.a).join(',')
    }
    tables.push({
      t,
      live: text(false),
      dead: text(true),
      last: list.at(-1)!.v,
      count: list.length,
    })
  }
  return { tables, more }
}
