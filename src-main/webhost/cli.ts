// npm run dev:web: the app's handlers and the built renderer over HTTP on 127.0.0.1.
import { existsSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { officeDate } from '../../src-shared/dates'
import { createApp, exportsFolder, replicaFile } from '../app/create-app'
import { chromiumPdfPrinter } from './chromium-pdf-printer'
import { loadDemoData } from '../demo/load'
import { startWebHost } from './server'

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string', default: '.data' },
    port: { type: 'string', default: '5180' },
    'renderer-dir': { type: 'string', default: 'out/renderer' },
    /** Fill an empty replica with this many demo accounts. */
    'demo-accounts': { type: 'string' },
    /** Start from an empty replica (tests). */
    fresh: { type: 'boolean', default: false },
  },
})

const dataDir = resolve(values['data-dir'])
const rendererDir = resolve(values['renderer-dir'])
if (!existsSync(join(rendererDir, 'index.html'))) {
  console.error(`No built renderer in ${rendererDir}: run "npm run build" first.`)
  process.exit(1)
}
if (values.fresh) {
  for (const suffix of ['', '-wal', '-shm']) rmSync(replicaFile(dataDir) + suffix, { force: true })
}

const app = createApp({
  dataDir,
  appVersion: process.env.npm_package_version ?? 'dev',
  printer: chromiumPdfPrinter(join(dataDir, 'printed')),
  syncWorker: new URL('../sync/sync-worker.ts', import.meta.url),
})
const demoAccounts = values['demo-accounts']
if (demoAccounts) {
  const accounts = app.services.db.$client.prepare('SELECT count(*) FROM accounts').pluck().get()
  if (accounts === 0) {
    console.log(`Loading ${demoAccounts} demo accounts into ${replicaFile(dataDir)} ...`)
    const summary = loadDemoData(app.services.db, {
      accounts: Number(demoAccounts),
      seed: 1,
      months: 24,
      today: officeDate(new Date(), app.services.timeZone),
    })
    console.log(`Demo data ready in ${(summary.ms / 1000).toFixed(1)} s.`)
  }
}

const host = await startWebHost({
  dispatch: app.dispatch,
  rendererDir,
  port: Number(values.port),
  downloadsDir: exportsFolder(dataDir),
})
console.log(`Web dev host: ${host.url} (demo login: clerk / clerk123). Ctrl+C stops it.`)

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void host.close().finally(() => {
      app.close()
      process.exit(0)
    })
  })
}
