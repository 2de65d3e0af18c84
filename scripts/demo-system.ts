// The whole system on one machine for `npm start`: the central server on PGlite with demo data,
// and this machine's replica registered to it and bootstrapped from it.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { sql } from 'drizzle-orm'
import { officeDate } from '../src-shared/dates'
import { replicaFile } from '../src-main/app/create-app'
import { openReplica } from '../src-main/db/replica'
import { runSync } from '../src-main/sync/sync-run'
import { configureSync, readSyncState } from '../src-main/sync/sync-state'
import type { SyncEndpoint } from '../src-main/sync/server-client'
import { loadServerDemo } from '../src-server/admin/demo'
import { openServerDatabase } from '../src-server/db/connection'
import { queryRow } from '../src-server/db/query'
import { registerWorkstation } from '../src-server/workstation/credentials'

export interface DemoSystemOptions {
  dataDir: string
  accounts: number
  port: number
  appVersion: string
}

const serverDir = (dataDir: string) => join(dataDir, 'server')
const credentialsFile = (dataDir: string) => join(dataDir, 'workstation.json')

/**
 * The server's database with demo data, and this workstation registered on it (once: its
 * credentials are kept in the data directory). PGlite serves one process, so this runs before
 * the server starts.
 */
export async function prepareDemoServer(options: DemoSystemOptions): Promise<SyncEndpoint> {
  const database = await openServerDatabase({ dataDir: serverDir(options.dataDir) })
  try {
    const { db } = database
    const loaded = await queryRow<{ n: number }>(db, sql`SELECT count(*) AS n FROM accounts`)
    if (Number(loaded?.n) === 0) {
      console.log(`Центральный сервер: загружаю демо-данные (${options.accounts} л/с)...`)
      await loadServerDemo(db, {
        accounts: options.accounts,
        seed: 1,
        months: 24,
        today: officeDate(new Date(), 'Europe/Moscow'),
      })
    }
    const serverUrl = `http://127.0.0.1:${options.port}`
    const file = credentialsFile(options.dataDir)
    if (existsSync(file)) {
      const kept = JSON.parse(readFileSync(file, 'utf8')) as SyncEndpoint
      const known = await queryRow(
        db,
        sql`SELECT 1 FROM workstations WHERE id = ${kept.workstationId} AND deleted_at IS NULL`,
      )
      if (known) return { ...kept, serverUrl }
    }
    const office = (await queryRow<{ id: string }>(
      db,
      sql`SELECT id FROM offices ORDER BY id LIMIT 1`,
    ))!
    const registered = await registerWorkstation(db, {
      officeId: office.id,
      name: 'Рабочее место (npm start)',
      receiptPrefix: 'DEMO01',
    })
    const endpoint = {
      serverUrl,
      workstationId: registered.workstationId,
      secret: registered.secret,
    }
    writeFileSync(file, JSON.stringify(endpoint, null, 2))
    return endpoint
  } finally {
    await database.close()
  }
}

/** Starts the central server process and resolves once it listens. */
export function startDemoServer(options: DemoSystemOptions): Promise<ChildProcess> {
  const server = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'src-server/cli/main.ts',
      'start',
      '--data-dir',
      serverDir(options.dataDir),
      '--port',
      String(options.port),
      // One machine: the workstation talks to the server over loopback, where plain HTTP is
      // allowed.
      '--http',
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  )
  return new Promise((resolve, reject) => {
    server.once('exit', (code) => reject(new Error(`the central server exited with ${code}`)))
    createInterface({ input: server.stdout! }).on('line', (line) => {
      console.log(line)
      if (line.startsWith('Центральный сервер:')) resolve(server)
    })
  })
}

/**
 * Registers the replica to the server and pulls everything into it before the app opens it. A
 * replica filled by an older `npm start` without a server is set aside, not mixed in.
 */
export async function bootstrapReplica(options: DemoSystemOptions, endpoint: SyncEndpoint) {
  const file = replicaFile(options.dataDir)
  if (existsSync(file)) {
    const existing = openReplica({ file })
    const synced = readSyncState(existing) !== undefined
    existing.$client.close()
    if (!synced) {
      const aside = join(options.dataDir, `replica-local-${Date.now()}.sqlite`)
      for (const suffix of ['', '-wal', '-shm']) {
        if (existsSync(file + suffix)) renameSync(file + suffix, aside + suffix)
      }
      console.log(`Прежняя локальная база без сервера отложена: ${aside}`)
    }
  }
  const replica = openReplica({ file })
  try {
    configureSync(replica, endpoint)
    const started = Date.now()
    const report = await runSync(replica, { appVersion: options.appVersion, now: () => new Date() })
    console.log(
      `Рабочее место синхронизировано с сервером: ${report.pulled} строк за ${((Date.now() - started) / 1000).toFixed(1)} с.`,
    )
  } finally {
    replica.$client.close()
  }
}
