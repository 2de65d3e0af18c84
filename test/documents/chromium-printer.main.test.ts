import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { printNice } from '../../src-main/documents/print-priority'
import { chromiumPdfPrinter } from '../../src-main/webhost/chromium-pdf-printer'

const folder = mkdtempSync(join(tmpdir(), 'chromium-printer-'))
afterAll(() => rmSync(folder, { recursive: true, force: true }))

/** A /proc file's text; '' for a process or thread that has ended meanwhile. */
function procText(path: string): string {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return ''
  }
}

/** The processes `pid` started, and they started, in turn. */
function startedBy(pid: number): number[] {
  let threads: string[] = []
  try {
    threads = readdirSync(`/proc/${pid}/task`)
  } catch {
    // Ended meanwhile.
  }
  return threads.flatMap((tid) =>
    procText(`/proc/${pid}/task/${tid}/children`)
      .split(' ')
      .filter(Boolean)
      .flatMap((child) => [Number(child), ...startedBy(Number(child))]),
  )
}

/** The printer's browser started by `pid` (by its profile folder) and every process it started. */
function browserOf(pid: number): number[] {
  const browser = startedBy(pid).find((p) =>
    procText(`/proc/${p}/cmdline`).includes(`--user-data-dir=${tmpdir()}/energo-chromium-`),
  )
  return browser === undefined ? [] : [browser, ...startedBy(browser)]
}

/** A process's session and niceness (fields 6 and 19 of its stat); null once it has ended. */
function schedOf(pid: number): { session: number; nice: number } | null {
  const stat = procText(`/proc/${pid}/stat`)
  if (stat === '') return null
  const fields = stat.replace(/^.*\) /s, '').split(' ')
  return { session: Number(fields[3]), nice: Number(fields[16]) }
}

/** Those of `pids` still running after up to ten seconds of waiting for them to end. */
async function stillRunning(pids: number[]): Promise<number[]> {
  const running = () => pids.filter((pid) => existsSync(`/proc/${pid}`))
  const deadline = Date.now() + 10_000
  while (Date.now() < deadline && running().length > 0)
    await new Promise((resolve) => setTimeout(resolve, 100))
  return running()
}

const page = '<!doctype html><meta charset="utf-8"><p>Проверка печати</p>'

describe('the web dev host printer’s browser (Linux)', () => {
  it('renders in the app’s session below the app’s priority, and ends with the printer', async () => {
    const printer = chromiumPdfPrinter(folder)
    const printed = await printer.print({ html: page, name: 'one', layout: 'a4', printer: '' })
    expect(existsSync(printed.target)).toBe(true)
    const browser = browserOf(process.pid)
    // In the app's session, the kernel weighs their threads against the app's one by one, so the
    // lowered niceness gives the app's event loop the CPU over a batch of bills.
    const app = schedOf(process.pid)!
    // The browser, its zygotes, the renderer and the services: all of them, not only one (a
    // short-lived helper process may have ended since the list was read).
    const running = browser.map(schedOf).filter((s) => s !== null)
    expect(running.length).toBeGreaterThan(3)
    for (const s of running) expect(s).toEqual({ session: app.session, nice: printNice })
    await printer.close()
    // The browser ends at once; its zygotes and renderers a moment after, seeing it gone.
    expect(await stillRunning(browser)).toEqual([])
  })

  it('leaves no browser behind when the app is killed', async () => {
    // A web dev host of its own that prints a page, says so and waits.
    const script = `
      const { chromiumPdfPrinter } = await import(${JSON.stringify(new URL('../../src-main/webhost/chromium-pdf-printer.ts', import.meta.url).pathname)})
      await chromiumPdfPrinter(${JSON.stringify(folder)}).print({ html: '<p>1</p>', name: 'killed', layout: 'a4', printer: '' })
      console.log('printed')
      setInterval(() => undefined, 1000)
    `
    const app = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    const browser = await new Promise<number[]>((resolve, reject) => {
      app.stdout.once('data', () => resolve(browserOf(app.pid!)))
      app.once('exit', (code) => reject(new Error(`the app stopped first (${code})`)))
    })
    expect(browser.length).toBeGreaterThan(3)
    app.kill('SIGKILL')
    // No handler of the app's runs on SIGKILL: the kernel ends the browser, and with it the rest.
    expect(await stillRunning(browser)).toEqual([])
  }, 30_000)
})
