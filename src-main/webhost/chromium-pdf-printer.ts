import { execFile } from 'node:child_process'
import { open as openFile } from 'node:fs/promises'
import { ownerOnlyFileMode, ownerOnlyFolder } from '../files/owner-only'
import { join } from 'node:path'
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core'
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

/** Playwright's defaults for `page.pdf`, the page's own @page rule choosing the paper. */
const pdfOptions = {
  landscape: false,
  displayHeaderFooter: false,
  headerTemplate: '',
  footerTemplate: '',
  printBackground: true,
  scale: 1,
  paperWidth: 8.5,
  paperHeight: 11,
  marginTop: 0,
  marginBottom: 0,
  marginLeft: 0,
  marginRight: 0,
  pageRanges: '',
  preferCSSPageSize: true,
  generateTaggedPDF: false,
  generateDocumentOutline: false,
}

/** Bytes of the PDF asked for at a time: no message, string or buffer of a whole batch job. */
const pdfChunkBytes = 256 * 1024

/**
 * Prints the page to `path`, reading the PDF from Chromium as a stream and writing each chunk
 * as it comes (what `page.pdf` does, but without its one multi-megabyte base64 message, string
 * and buffer per job, whose parsing and collection stall the loop).
 */
async function savePdf(page: Page, path: string): Promise<void> {
  let cdp = sessions.get(page)
  if (!cdp) sessions.set(page, (cdp = await page.context().newCDPSession(page)))
  const file = await openFile(path, 'w', ownerOnlyFileMode)
  try {
    const { stream } = await cdp.send('Page.printToPDF', {
      ...pdfOptions,
      transferMode: 'ReturnAsStream',
    })
    if (!stream) throw new Error('Chromium returned no PDF stream')
    for (;;) {
      const chunk = await cdp.send('IO.read', { handle: stream, size: pdfChunkBytes })
      await file.write(Buffer.from(chunk.data, chunk.base64Encoded ? 'base64' : 'utf8'))
      if (chunk.eof) break
    }
    await cdp.send('IO.close', { handle: stream })
  } finally {
    await file.close()
  }
}

/** Each page's own DevTools session, kept with it. */
const sessions = new WeakMap<Page, CDPSession>()

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
        // The page's own @page rule sets the paper: 80 mm roll or A4. (Not a file loaded by
        // navigation, which cost Chromium 0.2 s a job more than setContent.)
        await page.setContent(job.html, { waitUntil: 'load' })
        ownerOnlyFolder(folder)
        const path = join(folder, pdfFileName(job.name))
        await savePdf(page, path)
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
