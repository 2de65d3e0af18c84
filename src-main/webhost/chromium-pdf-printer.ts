import { execFile } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { ownerOnlyFileMode, ownerOnlyFolder } from '../files/owner-only'
import { join } from 'node:path'
import { chromium, type Browser } from 'playwright-core'
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

/**
 * Saves every document as a PDF under `folder`, rendered by the system's Chromium: the web dev
 * host's and the tests' printer. One browser per process, started on the first print.
 */
export function chromiumPdfPrinter(folder: string, executablePath = chromiumPath): Printer {
  let browser: Promise<Browser> | null = null
  return {
    folder,
    async print(job) {
      browser ??= chromium.launch({ executablePath, args: chromiumArgs })
      const page = await (await browser).newPage()
      try {
        // The page's own @page rule sets the paper: 80 mm roll or A4.
        await page.setContent(job.html, { waitUntil: 'load' })
        ownerOnlyFolder(folder)
        const path = join(folder, pdfFileName(job.name))
        const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true })
        writeFileSync(path, pdf, { mode: ownerOnlyFileMode })
        return { kind: 'pdf', target: path }
      } finally {
        await page.close()
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
      if (started) await (await started).close()
    },
  }
}
