import type { SystemPrinter } from '../../src-shared/documents/contract'
import type { PrintedDocument } from '../../src-shared/payments/contract'

export interface PrintJob {
  /** A complete, self-contained HTML page (documents never load anything from outside). */
  html: string
  /** File name stem when it is saved as PDF, e.g. the receipt number. */
  name: string
  layout: '80mm' | 'a4'
  /** The printer chosen in settings; '' saves a PDF instead. */
  printer: string
}

/**
 * Where documents go. Electron prints to the chosen printer (silently for the receipt printer)
 * or saves a PDF; the web dev host and the tests turn the same HTML into a PDF with Chromium.
 */
export interface Printer {
  print(job: PrintJob): Promise<PrintedDocument>
  /** The system's printers, for choosing one per document kind in settings. */
  listPrinters(): Promise<SystemPrinter[]>
  close(): Promise<void>
  /** How many jobs saved as PDF it renders at once (1 when absent); printers take one. */
  parallel?: number
  /** Where saved PDFs go, purged after the `printedRetentionDays` setting. */
  folder?: string
}

/** A file name from a document name: receipt numbers keep their letters, digits and dashes. */
export function pdfFileName(name: string): string {
  return `${name.replace(/[^\p{L}\p{N}_-]+/gu, '_')}.pdf`
}
