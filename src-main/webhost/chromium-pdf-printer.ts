import { execFile, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { ownerOnlyFileMode, ownerOnlyFolder } from '../files/owner-only'
import { join } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { printNice } from '../documents/print-priority'
import { pdfFileName, type Printer } from '../documents/printer'

/** Debian's Chromium, headless on a build machine: no sandbox, GPU or background traffic. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

/** Pages printing at once: one renderer each, two cores on a counter's workstation. */
const pagesAtOnce = 2

/**
 * Saves every document as a PDF under `folder`, rendered by the system's Chromium: the web dev
 * host's and the tests' printer. One browser per process, started on the first print. Pages are
 * kept and reused (a new page starts a renderer, about half a second of CPU), each in its own
 * context so two jobs lay out on two cores. Its processes run below the app's priority, as
 * Electron's print windows do, so the app's event loop wins the CPU over a batch of bills.
 */
export function chromiumPdfPrinter(folder: string, executablePath = chromiumPath): Printer {
  let browser: Promise<StartedBrowser> | null = null
  const idle: Page[] = []
  const waiting: ((page: Page | null) => void)[] = []
  let open = 0

  async function take(): Promise<Page> {
    const page = idle.pop()
    if (page) return page
    if (open < pagesAtOnce) {
      open++
      try {
        browser ??= startBrowser(executablePath)
        return await (await (await browser).browser.newContext()).newPage()
      } catch (error) {
        open--
        throw error
      }
    }
    // Every page busy: the next one given back (or a free slot when one is dropped).
    return (await new Promise<Page | null>((resolve) => waiting.push(resolve))) ?? take()
  }

  function giveBack(page: Page, healthy: boolean): void {
    if (!healthy) {
      open--
      void page
        .context()
        .close()
        .catch(() => undefined)
      waiting.shift()?.(null)
      return
    }
    const next = waiting.shift()
    if (next) next(page)
    else idle.push(page)
  }

  return {
    folder,
    parallel: pagesAtOnce,
    async print(job) {
      const page = await take()
      let healthy = false
      try {
        // The page's own @page rule sets the paper: 80 mm roll or A4.
        await page.setContent(job.html, { waitUntil: 'load' })
        ownerOnlyFolder(folder)
        const path = join(folder, pdfFileName(job.name))
        const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true })
        // Written off the loop: a batch's PDF runs to megabytes.
        await writeFile(path, pdf, { mode: ownerOnlyFileMode })
        healthy = true
        return { kind: 'pdf', target: path }
      } finally {
        // A page that failed is not trusted with the next document.
        giveBack(page, healthy)
      }
    },
    // The web dev host prints nothing itself, but lists what CUPS knows (none without it).
    listPrinters: () =>
      new Promise((resolve) =>
        execFile('lpstat', ['-e'], { timeout: 5000 }, (error, stdout) =>
          resolve(
            error
              ? []
              : stdout
                  .split('\n')
                  .map((name) => name.trim())
                  .filter(Boolean)
                  .map((name) => ({ name, displayName: name })),
          ),
        ),
      ),
    async close() {
      const started = browser
      browser = null
      idle.length = 0
      open = 0
      if (started) await (await started).close()
    },
  }
}

interface StartedBrowser {
  browser: Browser
  close(): Promise<void>
}

/**
 * Chromium started as this process's child, in its session, and driven over the DevTools
 * protocol. Playwright's own launch makes the browser lead a session of its own, and where
 * Linux groups the CPU by session (autogroup) that group is weighed against the app's as a whole
 * whatever its threads' niceness: a batch's renderers held both cores while the app's event loop
 * waited 60-140 ms for one (measured by the bills bench's stall list).
 */
async function startBrowser(executablePath: string): Promise<StartedBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'energo-chromium-'))
  const args = [
    ...chromiumArgs,
    '--headless',
    '--remote-debugging-port=0',
    `--user-data-dir=${profile}`,
    'about:blank',
  ]
  // On Linux: started below the app's priority, which every process and thread it starts inherits
  // (coreutils' nice); run as root (a build machine), denied raising its own threads back above
  // the app (Chromium asks -8 for its UI and IO threads), as an ordinary user's browser is; and
  // ended with this process even when this one is killed (util-linux's setpriv has the kernel
  // send it SIGKILL: Playwright's launch did that from signal handlers).
  const linux = process.platform === 'linux'
  const root = process.getuid?.() === 0
  const child = spawn(
    linux ? 'nice' : executablePath,
    linux
      ? [
          ...['-n', String(printNice), 'setpriv', '--pdeathsig', 'SIGKILL'],
          ...(root ? ['--bounding-set', '-sys_nice'] : []),
          ...['--', executablePath, ...args],
        ]
      : args,
    { stdio: ['ignore', 'ignore', 'pipe'] },
  )
  // A browser that could not be started fires 'error', perhaps no 'exit'.
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve())
    child.once('error', () => resolve())
  })
  const killOnExit = () => child.kill('SIGKILL')
  process.once('exit', killOnExit)
  const end = async () => {
    process.off('exit', killOnExit)
    child.kill()
    await exited
    rmSync(profile, { recursive: true, force: true })
  }
  try {
    const endpoint = await new Promise<string>((resolve, reject) => {
      let said = ''
      let listening = false
      // Read to the end, so a chatty browser never blocks on a full pipe.
      child.stderr!.on('data', (chunk: Buffer) => {
        if (listening) return
        said += chunk.toString()
        const found = /DevTools listening on (ws:\/\/\S+)/.exec(said)
        listening = found !== null
        if (found) resolve(found[1]!)
      })
      child.once('error', reject)
      child.once('exit', (code) => reject(new Error(`Chromium stopped (${code}): ${said.trim()}`)))
      setTimeout(() => reject(new Error(`Chromium did not start: ${said.trim()}`)), 60_000).unref()
    })
    const browser = await chromium.connectOverCDP(endpoint)
    return {
      browser,
      close: async () => {
        await browser.close().catch(() => undefined)
        await end()
      },
    }
  } catch (error) {
    await end()
    throw error
  }
}
