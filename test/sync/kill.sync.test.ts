import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { build } from 'esbuild'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openSqlite } from '../../src-main/db/connection'
import { newWorkstation, operatorIdOf, seedBranch, useSyncServer } from '../support/server'
import { headlessClient } from './support/client'
import { expectConverged, registeredNumbers, serverAccountNumbers } from './support/scenario'

// SYNC_KILLS=200 for the full run (.ci/run).
const kills = Number(process.env.SYNC_KILLS ?? 30)
const dir = mkdtempSync(join(tmpdir(), 'energo-sync-kill-'))
const file = join(dir, 'replica.sqlite')
const { database, server } = useSyncServer()

// Started through tsx, each workstation spent about 2.8 s of CPU transforming and loading the
// sources and packages: the child is bundled once, packages included so that only what it uses
// is loaded (0.25 s), and each one is started while the one before it still runs. The bundle lies
// inside the checkout, where better-sqlite3 and resources/ are found as from the sources.
const root = resolve(import.meta.dirname, '..', '..')
mkdirSync(join(root, 'node_modules', '.cache'), { recursive: true })
const bundleDir = mkdtempSync(join(root, 'node_modules', '.cache', 'energo-sync-kill-'))
const bundle = join(bundleDir, 'sync-process.mjs')
const started = new Set<Workstation>()

beforeAll(async () => {
  await build({
    entryPoints: [join(import.meta.dirname, 'support', 'sync-process.ts')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    // The bundled CommonJS packages call require.
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
    plugins: [
      {
        // A native addon stays outside; the PDF printer's browser driver, which a syncing
        // workstation never calls, is not loaded at all.
        name: 'outside-the-bundle',
        setup(plugin) {
          plugin.onResolve({ filter: /^(better-sqlite3|playwright-core)$/ }, (args) => ({
            path: args.path,
            external: true,
            sideEffects: false,
          }))
        },
      },
    ],
    logLevel: 'warning',
  })
})

afterAll(async () => {
  for (const ws of started) ws.child.kill('SIGKILL')
  await Promise.allSettled([...started].map((ws) => ws.exited))
  rmSync(dir, { recursive: true, force: true })
  rmSync(bundleDir, { recursive: true, force: true })
})

interface Workstation {
  child: ReturnType<typeof spawn>
  /** The signal that ended it: SIGKILL, or null when it ended by itself. */
  exited: Promise<NodeJS.Signals | null>
}

/** Starts a workstation process that loads its modules and waits for its turn. */
function startWorkstation(officeId: string, clerkId: string, start: number): Workstation {
  const child = spawn(process.execPath, [bundle, file, officeId, String(start), clerkId], {
    stdio: ['pipe', 'pipe', 'inherit'],
  })
  const exited = new Promise<NodeJS.Signals | null>((resolveExit, reject) => {
    child.once('error', reject)
    child.once('exit', (_code, signal) => resolveExit(signal))
  })
  const ws = { child, exited }
  started.add(ws)
  const forget = () => started.delete(ws)
  exited.then(forget, forget)
  return ws
}

/** Lets the workstation sync, SIGKILLs it a random moment after it is ready. */
async function runAndKill(ws: Workstation, delayMs: number): Promise<void> {
  ws.child.stdout!.once('data', () => setTimeout(() => ws.child.kill('SIGKILL'), delayMs))
  ws.child.stdin!.write('go\n')
  const signal = await ws.exited
  if (signal !== 'SIGKILL') throw new Error(`workstation ended by itself: ${signal}`)
}

function cursorOf(): { branch: number; global: number } {
  const sqlite = openSqlite(file, { readonly: true })
  const row = sqlite
    .prepare('SELECT cursor_branch AS branch, cursor_global AS global FROM sync_state')
    .get() as { branch: number; global: number }
  sqlite.close()
  return row
}

describe('a workstation killed at random points of the sync loop', () => {
  it(
    `delivers every saved account exactly once (${kills} kills)`,
    { timeout: 900_000 },
    async () => {
      const branch = await seedBranch(database.db)
      const ws = await newWorkstation(database.db, branch.officeId)
      const setup = headlessClient(server.url, ws, { dir })
      await setup.sync()
      setup.app.close()

      const clerkId = await operatorIdOf(database.db, branch.login('clerk'))
      const next = (i: number) =>
        startWorkstation(branch.officeId, clerkId, 7_730_000_000 + i * 10_000)
      let waiting = next(0)
      let last = cursorOf()
      for (let i = 0; i < kills; i++) {
        const current = waiting
        if (i + 1 < kills) waiting = next(i + 1)
        await runAndKill(current, Math.floor(Math.random() * 400))
        const now = cursorOf()
        expect(now.branch).toBeGreaterThanOrEqual(last.branch)
        expect(now.global).toBeGreaterThanOrEqual(last.global)
        last = now
      }

      // The kills landed while syncing: the server already holds part of what was saved.
      expect((await serverAccountNumbers(database.db, branch.branchId)).length).toBeGreaterThan(0)
      const client = headlessClient(server.url, ws, { dir })
      try {
        await client.sync()
        const saved = registeredNumbers(client)
        expect(saved.length).toBeGreaterThan(kills)
        expect(await serverAccountNumbers(database.db, branch.branchId)).toEqual([...saved].sort())
        await expectConverged(database.db, branch.branchId, [client])
      } finally {
        client.app.close()
      }
    },
  )
})
