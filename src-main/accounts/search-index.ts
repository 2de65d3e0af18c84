import { accountSearchTerms, type AccountSearchKeys } from '../../src-shared/accounts/search-terms'
import type { Db } from '../db/connection'

interface IndexRow extends AccountSearchKeys {
  searchKey: number
  names: string | null
  phones: string | null
  serials: string | null
}

// Names, phones and serials of the holder, linked persons and meters, gathered in one pass.
const indexRowsSql = `
  SELECT a.search_key AS searchKey, a.number, a.els, a.settlement, a.street, a.house, a.building, a.flat,
    (SELECT group_concat(c.last_name || ' ' || c.first_name || ' ' || coalesce(c.middle_name, ''), char(10))
       FROM customers c
      WHERE c.id = a.holder_id OR c.id IN (SELECT customer_id FROM account_persons WHERE account_id = a.id)) AS names,
    (SELECT group_concat(c.phone, char(10))
       FROM customers c
      WHERE c.phone IS NOT NULL
        AND (c.id = a.holder_id OR c.id IN (SELECT customer_id FROM account_persons WHERE account_id = a.id))) AS phones,
    (SELECT group_concat(m.serial_number, char(10)) FROM meters m WHERE m.account_id = a.id) AS serials
  FROM accounts a`

function lines(value: string | null): string[] {
  return value ? value.split('\n') : []
}

function termsOf(row: IndexRow): string {
  return accountSearchTerms({
    ...row,
    names: lines(row.names),
    phones: lines(row.phones),
    serials: lines(row.serials),
  })
}

/** Re-indexes one account; call inside the command's transaction after changing what is searched. */
export function indexAccount(db: Db, accountId: string): void {
  const sqlite = db.$client
  const row = sqlite.prepare(`${indexRowsSql} WHERE a.id = ?`).get(accountId) as
    IndexRow | undefined
  if (!row) return
  sqlite.prepare('DELETE FROM account_search WHERE rowid = ?').run(row.searchKey)
  sqlite
    .prepare('INSERT INTO account_search (rowid, terms) VALUES (?, ?)')
    .run(row.searchKey, termsOf(row))
}

const indexPageSql = `${indexRowsSql} WHERE a.search_key > ? ORDER BY a.search_key LIMIT 5000`

/** Indexes the accounts after `after` (by search key), a page; returns the page's rows. */
function indexPage(db: Db, after: number): IndexRow[] {
  const sqlite = db.$client
  // Read a page, then write it: one connection cannot write while a statement still iterates.
  const rows = sqlite.prepare(indexPageSql).all(after) as IndexRow[]
  const insert = sqlite.prepare('INSERT INTO account_search (rowid, terms) VALUES (?, ?)')
  for (const row of rows) insert.run(row.searchKey, termsOf(row))
  return rows
}

const clearIndex = (db: Db) =>
  db.$client.prepare("INSERT INTO account_search (account_search) VALUES ('delete-all')").run()

/** Rebuilds the whole index in one transaction (after a bulk load). */
export function rebuildSearchIndex(db: Db, onProgress?: (done: number) => void): number {
  let done = 0
  db.$client.transaction(() => {
    clearIndex(db)
    for (
      let rows = indexPage(db, 0);
      rows.length > 0;
      rows = indexPage(db, rows.at(-1)!.searchKey)
    ) {
      done += rows.length
      onProgress?.(done)
    }
  })()
  return done
}

/**
 * Rebuilds the whole index a page per transaction, letting other work run between pages: after a
 * bootstrap of 100,000 accounts the window keeps answering while the index is built.
 */
export async function rebuildSearchIndexInSteps(db: Db): Promise<number> {
  clearIndex(db)
  let done = 0
  for (let after = 0; ;) {
    const rows = db.$client.transaction(() => indexPage(db, after))()
    if (rows.length === 0) return done
    done += rows.length
    after = rows.at(-1)!.searchKey
    await new Promise((resolve) => setImmediate(resolve))
  }
}

/** The next free search key for a new account. */
export function nextSearchKey(db: Db): number {
  const row = db.$client
    .prepare('SELECT coalesce(max(search_key), 0) + 1 AS k FROM accounts')
    .get() as {
    k: number
  }
  return row.k
}
