import type { PrintedDocument } from '../../src-shared/payments/contract'
import { officeToday } from '../api/context'
import type { HandlerContext } from '../api/dispatch'
import { readSetting } from '../settings/settings'

/** An A4 document (a request form, an acknowledgement, a shift report) on the document printer. */
export function printA4(
  ctx: HandlerContext,
  doc: { html: string; name: string },
): Promise<PrintedDocument> {
  return ctx.services.printer.print({
    ...doc,
    layout: 'a4',
    printer: readSetting(ctx.services.db, 'documentPrinter', officeToday(ctx)),
  })
}
