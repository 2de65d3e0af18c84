/**
 * The central server of `npm run bench -- sync`, in its own process as in production: loads (or
 * reuses) the demo data, registers the benchmark's workstations, serves on a loopback port and
 * prints one `READY {...}` line with the address and credentials. Stops when stdin closes.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { sql } from 'drizzle-orm'
import { uuidv7 } from 'uuidv7'
import type { DemoOptions } from '../src-demo/types'
import { loadServerDemoShown, settle } from './server-demo'
import { openServerDatabase, type ServerDatabase } from '../src-server/db/connection'
import { queryRow } from '../src-server/db/query'
import { buildServerApp } from '../src-server/http/app'
import { issueOperatorSession } from '../src-server/operators/sessions'
import { registerWorkstation } from '../src-server/workstation/credentials'

export interface BenchServerReady {
  url: string
  kind: string
  officeId: string
  /** The clerk every benchmark command is made by (the server checks the operator). */
  operatorId: string
  /**
   * The first one bootstraps and pushes; the rest sync at once, each with a clerk logged in
   * online (the session token its requests carry, as at a counter).
   */
  workstations: { workstationId: string; secret: string; operatorToken: string }[]
}

const round = (x: number) => Math.round(x * 10) / 10

/** The server's database with the demo data, built once per options (PGlite) and reused. */
async function benchDatabase(dir: string, options: DemoOptions): Promise<ServerDatabase> {
  const marker = join(dir, 'complete.json')
  const wanted = JSON.stringify(options)
  const url = process.env.DATABASE_URL
  const reuse = !url && existsSync(marker) && readFileSync(marker, 'utf8') === wanted
  if (!url && !reuse) rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  const database = await openServerDatabase({ databaseUrl: url, dataDir: join(dir, 'pg') })
  const loaded = await queryRow<{ n: number }>(database.db, sql`SELECT count(*) AS n FROM accounts`)
  if (reuse || Number(loaded?.n) > 0) return database
  console.log(`Загружаю сервер: ${options.accounts} л/с, ${options.months} мес.`)
  const seconds = await loadServerDemoShown(database.db, options, 5000)
  console.log(`  готово за ${round(seconds)} с`)
  if (!url) writeFileSync(marker, wanted)
  if (database.kind === 'postgres') await settle(database.db)
  return database
}

const { values } = parseArgs({
  options: {
    dir: { type: 'string' },
    options: { type: 'string' },
    workstations: { type: 'string' },
  },
})
const database = await benchDatabase(values.dir!, JSON.parse(values.options!) as DemoOptions)
const { db } = database
const office = (await queryRow<{ id: string }>(
  db,
  sql`SELECT id FROM offices ORDER BY id LIMIT 1`,
))!
const clerk = (await queryRow<{ id: string; passwordHash: string }>(
  db,
  sql`SELECT id, password_hash AS "passwordHash" FROM operators
       WHERE office_id = ${office.id} AND role = 'clerk' AND active = 1 AND deleted_at IS NULL
       ORDER BY login LIMIT 1`,
))!
const workstations = []
for (let i = 0; i <= Number(values.workstations); i++) {
  const ws = await registerWorkstation(db, {
    officeId: office.id,
    name: i === 0 ? 'Бенчмарк' : `Окно ${i}`,
    receiptPrefix: uuidv7().slice(-6),
  })
  const session = await issueOperatorSession(db, ws, clerk)
  workstations.push({
    workstationId: ws.workstationId,
    secret: ws.secret,
    operatorToken: session.token,
  })
}
const app = await buildServerApp({ db })
const url = await app.listen({ host: '127.0.0.1', port: 0 })
const ready: BenchServerReady = {
  url,
  kind: database.kind,
  officeId: office.id,
  operatorId: clerk.id,
  workstations,
}
console.log(`READY ${JSON.stringify(ready)}`)
process.stdin.resume()
process.stdin.on('end', async () => {
  await app.close()
  await database.close()
  process.exit(0)
})
