import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
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
// Hundreds of restarts of one workstation squeezed into a few minutes push and pull far more often
// than the per-workstation limits let a real one; the limits have tests of their own.
const unlimited = { max: 1_000_000, windowMs: 60_000 }
const { database, server } = useSyncServer({ rateLimits: { push: unlimited, pull: unlimited } })

// Started through tsx, each workstation spent about 2.8 s of CPU transforming and loading the
// sources and packages before its first sync: the child is bundled once, packages included so
// that it loads only what it uses (0.25 s). Each still starts afresh on the replica the one
// before left. The bundle lies inside the checkout, where better-sqlite3 and resources/ are found
// as from the sources.
const root = join(import.meta.dirname, '..', '..')
mkdirSync(join(root, 'node_modules', '.cache'), { recursive: true })
const bundleDir = mkdtempSync(join(root, 'node_modules', '.cache', 'energo-sync-kill-'))
const bundle = join(bundleDir, 'sync-process.mjs')

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
  rmSync(dir, { recursive: true, force: true })
  rmSync(bundleDir, { recursive: true, force: true })
})

/** Starts the syncing workstation, lets it run a random moment after it is ready, SIGKILLs it. */
function runAndKill(
  officeId: string,
  clerkId: string,
  start: number,
  delayMs: number,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundle, file, officeId, String(start), clerkId], {
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    child.stdout.once('data', () => setTimeout(() => child.kill('SIGKILL'), delayMs))
    child.once('error', reject)
    child.once('exit', (_code, signal) =>
      signal === 'SIGKILL'
        ? resolve()
        : reject(new Error(`workstation ended by itself: ${signal}`)),
    )
  })
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
      let last = cursorOf()
      for (let i = 0; i < kills; i++) {
        await runAndKill(
          branch.officeId,
          clerkId,
          7_730_000_000 + i * 10_000,
          Math.floor(Math.random() * 400),
        )
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
