import { officeToday, runCommand } from '../api/context'
import { printA4 } from '../documents/print-a4'
import type { DomainHandlers } from '../api/dispatch'
import { openAttachment } from '../attachments/attachment-sync'
import { storeAttachment } from '../attachments/attachment-store'
import { appealAcknowledgementHtml } from '../service-requests/documents'
import { prepared } from '../db/prepared'
import { clientFor } from '../sync/sync-run'
import { appealsOfAccount, overdueAppeals } from './appeal-list'
import { changeAppeal } from './change-appeal'
import { registerAppeal } from './register-appeal'

export const appealHandlers: DomainHandlers<'appeals'> = {
  'appeals.list': (input, ctx) =>
    appealsOfAccount(ctx.services.db, input.accountId, officeToday(ctx)),
  'appeals.attach': (input, ctx) =>
    storeAttachment(
      ctx.services.db,
      input.name,
      Buffer.from(input.content, 'base64'),
      ctx.services.clock().toISOString(),
    ),
  'appeals.register': (input, ctx) => runCommand(ctx, registerAppeal, input),
  'appeals.change': (input, ctx) => runCommand(ctx, changeAppeal, input),
  'appeals.openAttachment': async (input, ctx) => {
    const { db } = ctx.services
    const bytes = await openAttachment(
      db,
      clientFor(db, ctx.services.appVersion),
      input.sha256,
      ctx.services.clock,
    )
    const kind = prepared(db.$client, 'SELECT kind FROM local_attachments WHERE sha256 = ?')
      .pluck()
      .get(input.sha256) as OpenedKind
    return { sha256: input.sha256, kind, content: bytes.toString('base64') }
  },
  'appeals.printAcknowledgement': (input, ctx) =>
    printA4(ctx, appealAcknowledgementHtml(ctx.services.db, input.appealId, officeToday(ctx))),
  'appeals.overdue': (_input, ctx) => overdueAppeals(ctx.services.db, officeToday(ctx)),
}

type OpenedKind = 'pdf' | 'jpg' | 'png' | 'tif'
