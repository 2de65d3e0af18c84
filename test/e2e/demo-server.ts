import { expect, type Page } from '@playwright/test'
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { sql } from 'drizzle-orm'
import { loadServerDemo } from '../../src-server/admin/demo'
import { openServerDatabase, type ServerDatabase } from '../../src-server/db/connection'
import { queryRow } from '../../src-server/db/query'
import { buildServerApp } from '../../src-server/http/app'
import { issueRegistrationCode } from '../../src-server/workstation/registration-codes'
import { signIn } from './support'

/**
 * A spec's own central server on loopback, holding the demo data (40 accounts) in a folder of
 * its own, and the web dev hosts of its new workstations: each over a fresh replica in
 * `dir/<name>`. `close` stops them all and removes the folder.
 */
export interface DemoServer {
  dir: string
  database: ServerDatabase
  url: string
  /** A registration code for a new workstation of the first office. */
  registrationCode(name: string, receiptPrefix: string): Promise<string>
  /** Starts a web dev host (port 0: any free one); resolves with the address it prints. */
  startHost(name: string, port: number): Promise<string>
  close(): Promise<void>
}

export async function startDemoServer(
  name: string,
  demo: { seed: number; months: number; today: string },
): Promise<DemoServer> {
  const dir = mkdtempSync(join(tmpdir(), `energo-${name}-`))
  const database = await openServerDatabase({ dataDir: join(dir, 'server') })
  await loadServerDemo(database.db, { accounts: 40, ...demo })
  const office = (await queryRow<{ id: string }>(
    database.db,
    sql`SELECT id FROM offices ORDER BY id LIMIT 1`,
  ))!
  const app = await buildServerApp({ db: database.db })
  const url = await app.listen({ host: '127.0.0.1', port: 0 })
  const hosts: ChildProcess[] = []
  return {
    dir,
    database,
    url,
    registrationCode: async (workstation, receiptPrefix) =>
      (
        await issueRegistrationCode(database.db, {
          officeId: office.id,
          name: workstation,
          receiptPrefix,
        })
      ).code,
    startHost(host, port) {
      const child = spawn(
        process.execPath,
        [
          '--import',
          'tsx',
          'src-main/webhost/cli.ts',
          '--data-dir',
          join(dir, host),
          '--port',
          String(port),
          '--fresh',
        ],
        { stdio: ['ignore', 'pipe', 'inherit'] },
      )
      hosts.push(child)
      return new Promise<string>((resolve, reject) => {
        child.once('exit', (c) => reject(new Error(`the web dev host ${host} exited with ${c}`)))
        createInterface({ input: child.stdout! }).on('line', (line) => {
          const m = /^Web dev host: (\S+)/.exec(line)
          if (m) resolve(m[1]!)
        })
      })
    },
    async close() {
      for (const host of hosts) host.kill('SIGTERM')
      await app.close()
      await database.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** Registers the workstation at `hostUrl` to the server with its code, then logs the clerk in. */
export async function registerAndLogIn(
  page: Page,
  hostUrl: string,
  server: { url: string },
  code: string,
): Promise<void> {
  await page.goto(hostUrl)
  await page.getByTestId('setup-server').fill(server.url)
  await page.getByTestId('setup-code').fill(code)
  await page.getByTestId('setup-register').click()
  await expect(page.getByTestId('login-input')).toBeVisible({ timeout: 60_000 })
  await signIn(page, 'clerk', 'clerk123')
}
