import { open as openFile } from 'node:fs/promises'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core'
import type { PrintedDocument } from '../../src-shared/payments/contract'
import { pdfFileName, type PrintJob } from '../documents/printer'
import { ownerOnlyFileMode, ownerOnlyFolder } from '../files/owner-only'
import { chromiumArgs, pagesAtOnce } from './chromium-pdf-printer'

/**
 * PDF bytes per protocol message: a batch's PDF whole is one message of megabytes of base64,
 * parsed, decoded and collected at once; in slices each is written before the next is read.
 */
const pdfSlice = 256 * 1024

/** Prints the loaded page to `path` as Playwright's `page.pdf` would, read and written in slices. */
async function savePdf(cdp: CDPSession, path: string): Promise<void> {
  const { stream } = await cdp.send('Page.printToPDF', {
    transferMode: 'ReturnAsStream',
    preferCSSPageSize: true,
    printBackground: true,
    marginTop: 0,
    marginBottom: 0,
    marginLeft: 0,
    marginRight: 0,
  })
  if (!stream) throw new Error('Chromium returned no PDF stream')
  const file = await openFile(path, 'w', ownerOnlyFileMode)
  try {
    for (;;) {
      const slice = await cdp.send('IO.read', { handle: stream, size: pdfSlice })
      await file.write(Buffer.from(slice.data, slice.base64Encoded ? 'base64' : 'utf8'))
      if (slice.eof) break
    }
  } finally {
    await file.close()
    await cdp.send('IO.close', { handle: stream }).catch(() => undefined)
  }
}

/** The printer's pages: what the print thread does with a job. */
export interface ChromiumPages {
  print(job: PrintJob): Promise<PrintedDocument>
  close(): Promise<void>
}

/**
 * Saves every document as a PDF under `folder`, rendered by Chromium, on the print thread. One
 * browser, started on the first print. Pages are kept and reused (a new page starts a renderer,
 * about half a second of CPU), each in its own context so two jobs lay out on two cores.
 */
export function chromiumPdfPages(folder: string, executablePath: string): ChromiumPages {
  let browser: Promise<Browser> | null = null
  const idle: Page[] = []
  const waiting: ((page: Page | null) => void)[] = []
  let open = 0
  // One DevTools session per kept page, for its PDFs.
  const sessions = new WeakMap<Page, CDPSession>()

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
    async print(job) {
      const page = await take()
      let healthy = false
      try {
        // The page's own @page rule sets the paper: 80 mm roll or A4. A page in a file is loaded
        // by Chromium itself: its megabytes never pass through the protocol on this thread.
        if (job.htmlFile !== undefined)
          await page.goto(pathToFileURL(job.htmlFile).href, { waitUntil: 'load' })
        else await page.setContent(job.html, { waitUntil: 'load' })
        ownerOnlyFolder(folder)
        const path = join(folder, pdfFileName(job.name))
        let cdp = sessions.get(page)
        if (!cdp) {
          cdp = await page.context().newCDPSession(page)
          sessions.set(page, cdp)
        }
        await savePdf(cdp, path)
        healthy = true
        return { kind: 'pdf', target: path }
      } finally {
        // A page that failed is not trusted with the next document.
        giveBack(page, healthy)
      }
    },
    async close() {
      const started = browser
      browser = null
      idle.length = 0
      open = 0
      if (started) await (await started).close()
    },
  }
}
