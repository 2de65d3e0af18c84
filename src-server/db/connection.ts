import { mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { PGlite } from '@electric-sql/pglite'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator'
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres'
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator'
import pg from 'pg'
import * as schema from './schema'

export type ServerDb = PgDatabase<PgQueryResultHKT, typeof schema>

export interface ServerDatabase {
  db: ServerDb
  kind: 'pglite' | 'postgres'
  close(): Promise<void>
}

export interface ServerDatabaseOptions {
  /** postgres://... for a real PostgreSQL; without it an embedded PGlite. */
  databaseUrl?: string
  /** PGlite's data directory; none = in memory (tests). */
  dataDir?: string
}

export const serverMigrationsFolder = join(dirname(fileURLToPath(import.meta.url)), 'migrations')

const INT8 = 20

/** Statements one connection keeps prepared; texts past it run unnamed, as before. */
const PREPARED_PER_CONNECTION = 500
/** Texts seen once, across connections: a text is prepared from its second run on. */
const seenOnce = new Set<string>()
const SEEN_ONCE_LIMIT = 10_000

/**
 * A node-postgres client that prepares, by name, the statements it runs again: PostgreSQL then
 * parses and plans each once per connection instead of on every request, which halves its CPU
 * for the sync's small statements. A text seen only once (an import's, a report's) is never
 * prepared, and a connection holds a bounded number, so the database's memory stays bounded.
 */
class PreparingClient extends pg.Client {
  private readonly prepared = new Map<string, string>()

  constructor(config?: string | pg.ClientConfig) {
    super(config)
    const run = this.query.bind(this) as (...args: unknown[]) => unknown
    this.query = ((query: unknown, ...rest: unknown[]) =>
      run(this.named(query), ...rest)) as typeof this.query
  }

  private named(config: unknown): unknown {
    if (typeof config !== 'object' || config === null) return config
    const { text, name } = config as { text?: unknown; name?: unknown }
    if (typeof text !== 'string' || name || 'submit' in config) return config
    let prepared = this.prepared.get(text)
    if (!prepared) {
      if (!seenOnce.has(text) || this.prepared.size >= PREPARED_PER_CONNECTION) {
        if (seenOnce.size >= SEEN_ONCE_LIMIT) seenOnce.clear()
        seenOnce.add(text)
        return config
      }
      prepared = `s${this.prepared.size}`
      this.prepared.set(text, prepared)
    }
    return { ...config, name: prepared }
  }
}

const pipelined = new WeakSet<object>()

/**
 * Whether the database's connections pipeline queries (node-postgres in pipeline mode): one sent
 * before the previous one's answer still runs after it, in order.
 */
export function pipelines(db: ServerDb): boolean {
  return pipelined.has(db)
}

/** Opens the server's database (PostgreSQL or PGlite) and brings it to the latest migration. */
export async function openServerDatabase(options: ServerDatabaseOptions): Promise<ServerDatabase> {
  if (options.databaseUrl) {
    // Counts, kopecks and versions are bigint in SQL and plain numbers in JS (far below 2^53).
    // Process-wide: drizzle's node-postgres session reads pg's global parsers.
    pg.types.setTypeParser(INT8, Number)
    // Pipelined: a pushed batch sends a command's writes without waiting for their answer.
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: 20,
      pipeline: true,
      Client: PreparingClient,
    } as pg.PoolConfig)
    // An idle connection the database ends (a restart, a dropped database) must not take the
    // server down: the pool makes a new one for the next query.
    pool.on('error', (error) => console.warn(`PostgreSQL: idle connection lost: ${error.message}`))
    const db = drizzlePg({ client: pool, schema, casing: 'snake_case' })
    await migratePg(db, { migrationsFolder: serverMigrationsFolder })
    pipelined.add(db)
    return { db: db as unknown as ServerDb, kind: 'postgres', close: () => pool.end() }
  }
  if (options.dataDir) mkdirSync(dirname(options.dataDir), { recursive: true })
  const client = await PGlite.create(options.dataDir, { parsers: { [INT8]: (v) => Number(v) } })
  const db = drizzlePglite({ client, schema, casing: 'snake_case' })
  await migratePglite(db, { migrationsFolder: serverMigrationsFolder })
  return { db: db as unknown as ServerDb, kind: 'pglite', close: () => client.close() }
}
