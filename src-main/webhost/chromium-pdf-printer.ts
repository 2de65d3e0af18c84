import { execFile } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import { ownerOnlyFileMode, ownerOnlyFolder } from '../files/owner-only'
import { join } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
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
 * context so two jobs lay out on two cores.
 */
export function chromiumPdfPrinter(folder: string, executablePath = chromiumPath): Printer {
  let browser: Promise<Browser> | null = null
  const idle: Page[] = []
  const waiting: ((page: Page | null) => void)[] = []
  let open = 0

  async function take(): Promise<Page> {
    const page = idle.pop()
    if (page) return page
    if (open < pagesAtOnce) {
      open++
      try {
        browser ??= chromium.launch({ executablePath, args: chromiumArgs })
        const context = await (await browser).newContext()
        return await context.newPage()
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
