import { createHash } from 'node:crypto'
import { rebuildSearchIndexInSteps } from '../accounts/search-index'
import type { Db } from '../db/connection'
import { applyPulledPage } from './apply-pulled'
import type { SyncServerClient } from './server-client'
import { readSyncState } from './sync-state'
import { syncedTableNames, tableKey, type SyncedTableName } from '../../src-node/sync/synced-tables'

export interface VerifyReport {
  /** false when the replica was not at the server's head (or had commands waiting): try later */
  compared: boolean
  /** Tables whose count or hash differed and were pulled again. */
  repulled: SyncedTableName[]
}

/** Count and md5 of the sorted keys, exactly as the server computes them (byte order). */
export function localDigest(db: Db, table: SyncedTableName): { count: number; hash: string } {
  const key = tableKey(table)
  const rows = db.$client
    .prepare(`SELECT ${key.join(', ')} FROM ${table}`)
    .raw()
    .all() as unknown[][]
  const keys = rows.map((r) => Buffer.from(r.map(String).join('|')))
  keys.sort(Buffer.compare)
  return {
    count: keys.length,
    hash: createHash('md5')
      .update(Buffer.concat(keys.flatMap((k, i) => (i === 0 ? [k] : [Buffer.from('\n'), k]))))
      .digest('hex'),
  }
}

/**
 * Removes the rows of a re-pulled table the server does not hold (nothing is waiting to go up),
 * except the facts of commands it rejected: those stay for the supervisor who resolves the
 * rejection (a payment moved to the right account keeps its row).
 */
function dropRowsNotHeld(db: Db, table: SyncedTableName, held: Set<string>): void {
  const key = tableKey(table)
  const sqlite = db.$client
  const named = sqlite.prepare('SELECT 1 FROM outbox WHERE instr(args, ?) > 0 LIMIT 1')
  const extra = (
    sqlite
      .prepare(`SELECT ${key.join(', ')} FROM ${table}`)
      .raw()
      .all() as unknown[][]
  )
    .filter((values) => !held.has(values.map(String).join('|')))
    .filter((values) => key.length !== 1 || !named.get(JSON.stringify(values[0])))
  if (extra.length === 0) return
  const remove = sqlite.prepare(
    `DELETE FROM ${table} WHERE ${key.map((k) => `${k} = ?`).join(' AND ')}`,
  )
  sqlite.pragma('foreign_keys = OFF')
  try {
    sqlite.transaction(() => extra.forEach((values) => remove.run(values)))()
  } finally {
    sqlite.pragma('foreign_keys = ON')
  }
}

/**
 * Compares per-table counts and hashes with the server; a table that differs is pulled again from
 * its start (rows upserted, the cursor untouched). Only meaningful at the server's head with
 * nothing waiting, so the replica holds exactly the server's rows.
 */
export async function verifyReplica(
  db: Db,
  client: SyncServerClient,
  now: () => Date,
): Promise<VerifyReport> {
  const server = await client.verify()
  const state = readSyncState(db)!
  const waiting = db.$client
    .prepare(`SELECT count(*) AS n FROM outbox WHERE status IN ('pending', 'sent')`)
    .get() as { n: number }
  if (
    waiting.n > 0 ||
    state.cursorBranch !== server.cursor.branch ||
    state.cursorGlobal !== server.cursor.global
  ) {
    return { compared: false, repulled: [] }
  }
  const repulled: SyncedTableName[] = []
  for (const table of syncedTableNames) {
    const local = localDigest(db, table)
    const remote = server.tables[table]
    if (remote && local.count === remote.count && local.hash === remote.hash) continue
    repulled.push(table)
    const held = new Set<string>()
    const keys = (_table: string, key: unknown[]) => held.add(key.map(String).join('|'))
    let cursor = { branch: 0, global: 0 }
    for (;;) {
      const page = await client.pull({ cursor, table })
      applyPulledPage(db, page.tables, null, { reindex: true, now: now().toISOString(), keys })
      cursor = page.cursor
      if (!page.more) break
    }
    dropRowsNotHeld(db, table, held)
  }
  // Rare: after a repair the search index is rebuilt rather than patched row by row.
  if (repulled.length > 0) await rebuildSearchIndexInSteps(db)
  return { compared: true, repulled }
}
