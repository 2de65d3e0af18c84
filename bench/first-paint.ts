/**
 * `npm run bench -- first-paint [--runs N] [--renderer-dir DIR]`: the login screen's first paint in Chromium. Serves
 * the built renderer (`npm run build` first) through the web dev host over a small demo replica,
 * opens it N times in fresh browser contexts and prints the first contentful paint, the time to
 * the login form and the JavaScript the login screen loaded.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { chromium } from 'playwright-core'
import { createApp } from '../src-main/app/create-app'
import {
  chromiumArgs,
  chromiumPath,
  chromiumPdfPrinter,
} from '../src-main/webhost/chromium-pdf-printer'
import { loadDemoData } from '../src-main/demo/load'
import { startWebHost } from '../src-main/webhost/server'

interface Sample {
  firstContentfulPaint: number
  loginForm: number
  scriptBytes: number
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? 0
}

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      runs: { type: 'string', default: '5' },
      'renderer-dir': { type: 'string', default: 'out/renderer' },
    },
  })
  const rendererDir = resolve(values['renderer-dir'])
  if (!existsSync(join(rendererDir, 'index.html'))) throw new Error('run "npm run build" first')

  const dataDir = mkdtempSync(join(tmpdir(), 'energo-first-paint-'))
  const app = createApp({
    dataDir,
    appVersion: 'bench',
    printer: chromiumPdfPrinter(join(dataDir, 'printed')),
  })
  // A filled replica: with an empty one the app opens on the first-run wizard instead.
  loadDemoData(app.services.db, { accounts: 20, seed: 1, months: 2, today: '2026-11-20' })
  const host = await startWebHost({ dispatch: app.dispatch, rendererDir, port: 0 })
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs })
  const samples: Sample[] = []
  try {
    for (let i = 0; i < Number(values.runs); i++) {
      const context = await browser.newContext({ locale: 'ru-RU' })
      const page = await context.newPage()
      const started = Date.now()
      await page.goto(host.url)
      await page.getByTestId('login-input').waitFor({ state: 'visible' })
      const loginForm = Date.now() - started
      const timing = await page.evaluate(async () => ({
        // The paint entry may be queued a frame after the form shows: wait for it.
        fcp: await new Promise<number>((done) => {
          new PerformanceObserver((list) => {
            const paint = list.getEntriesByName('first-contentful-paint')[0]
            if (paint) done(paint.startTime)
            // This runs in the page; the project's Node types know no paint entries.
          }).observe({ type: 'paint' as 'mark', buffered: true })
        }),
        scripts: performance
          .getEntriesByType('resource')
          .filter((entry) => entry.name.endsWith('.js'))
          .reduce(
            (sum, entry) => sum + (entry as unknown as { decodedBodySize: number }).decodedBodySize,
            0,
          ),
      }))
      samples.push({
        firstContentfulPaint: timing.fcp,
        loginForm,
        scriptBytes: timing.scripts,
      })
      await context.close()
    }
  } finally {
    await browser.close()
    await host.close()
    app.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
  const fcp = median(samples.map((s) => s.firstContentfulPaint))
  const form = median(samples.map((s) => s.loginForm))
  const kb = (median(samples.map((s) => s.scriptBytes)) / 1024).toFixed(0)
  console.log(
    `login screen in Chromium, median of ${samples.length}: first contentful paint ${fcp.toFixed(0)} ms, ` +
      `login form visible ${form} ms after navigation start, ${kb} kB of JavaScript loaded`,
  )
}
