import { BrowserWindow, webContents } from 'electron'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { lowerPrintPriority } from '../documents/print-priority'
import { pdfFileName, type Printer } from '../documents/printer'
import { ownerOnlyFileMode, ownerOnlyFolder } from '../files/owner-only'

/**
 * Prints through a hidden, sandboxed window: to the printer chosen in settings (silently for the
 * 80 mm receipt printer, which has no dialog worth showing), or as a PDF saved in `pdfFolder`.
 */
export function electronPrinter(pdfFolder: string): Printer {
  return {
    folder: pdfFolder,
    async print(job) {
      const window = new BrowserWindow({
        show: false,
        webPreferences: { sandbox: true, contextIsolation: true, javascript: false },
      })
      try {
        await window.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(job.html)}`)
        // The job's renderer below the app, so the clerk's window wins the CPU while it prints
        // (a batch's jobs take seconds each); never a renderer another window shares.
        const pid = window.webContents.getOSProcessId()
        const shared = webContents
          .getAllWebContents()
          .some((other) => other !== window.webContents && other.getOSProcessId() === pid)
        if (!shared) lowerPrintPriority([pid])
        if (job.printer) {
          await new Promise<void>((resolve, reject) =>
            window.webContents.print(
              { silent: job.layout === '80mm', deviceName: job.printer, printBackground: true },
              (ok, reason) => (ok ? resolve() : reject(new Error(reason))),
            ),
          )
          return { kind: 'printer', target: job.printer }
        }
        const pdf = await window.webContents.printToPDF({ preferCSSPageSize: true })
        ownerOnlyFolder(pdfFolder)
        const path = join(pdfFolder, pdfFileName(job.name))
        // Written off the loop: a batch's PDF runs to megabytes.
        await writeFile(path, pdf, { mode: ownerOnlyFileMode })
        return { kind: 'pdf', target: path }
      } finally {
        window.destroy()
      }
    },
    async listPrinters() {
      const window = new BrowserWindow({
        show: false,
        webPreferences: { sandbox: true, contextIsolation: true, javascript: false },
      })
      try {
        const printers = await window.webContents.getPrintersAsync()
        return printers.map((p) => ({ name: p.name, displayName: p.displayName || p.name }))
      } finally {
        window.destroy()
      }
    },
    close: () => Promise.resolve(),
  }
}
