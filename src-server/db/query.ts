import type { SQL } from 'drizzle-orm'
import type { ServerDb } from './connection'

/** Rows of a raw query: node-postgres and PGlite both answer `{ rows }`. */
export async function queryRows<T>(db: ServerDb, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] }
  return result.rows
}

export async function queryRow<T>(db: ServerDb, query: SQL): Promise<T | undefined> {
  return (await queryRows<T>(db, query))[0]
}
