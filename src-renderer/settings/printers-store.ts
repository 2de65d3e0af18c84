import { defineStore } from 'pinia'
import type { PrinterChoices } from '../../src-shared/documents/contract'
import type { PrintedDocument } from '../../src-shared/payments/contract'
import { call } from '../api/client'
import { thenReload, useLoaded } from '../api/loaded'

/** The two kinds of printed documents and the setting that names each one's printer. */
export const printerKinds = [
  { kind: 'receipt', setting: 'receiptPrinter', layout: '80mm' },
  { kind: 'document', setting: 'documentPrinter', layout: 'a4' },
] as const
export type PrinterKind = (typeof printerKinds)[number]['kind']

const pad = (n: number) => String(n).padStart(2, '0')

/** Today on this workstation's calendar: a printer choice takes effect at once. */
function today(now: Date): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

/**
 * The printers tab: the system's printers, the one chosen per kind ('' = save as PDF), saving a
 * choice (reference.setSetting, the admin's live session) and a test page to the chosen printer.
 */
export const usePrintersStore = defineStore('settingsPrinters', () => {
  const choices = useLoaded(() => call('documents.printers', {}), null as PrinterChoices | null)

  function save(kind: PrinterKind, printer: string) {
    const def = printerKinds.find((k) => k.kind === kind)!
    const change = call('settings.setSetting', {
      key: def.setting,
      value: printer,
      validFrom: today(new Date()),
    })
    return thenReload(change, choices.load)
  }

  async function testPage(
    kind: PrinterKind,
  ): Promise<{ ok: true; printed: PrintedDocument } | { ok: false; message: string }> {
    const def = printerKinds.find((k) => k.kind === kind)!
    const result = await call('documents.testPage', { layout: def.layout })
    return result.ok
      ? { ok: true, printed: result.value }
      : { ok: false, message: result.error.message }
  }

  return { choices: choices.value, error: choices.error, load: choices.load, save, testPage }
})
