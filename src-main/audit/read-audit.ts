import type { ChannelName, OutputOf, ParsedInputOf } from '../../src-shared/api/contract'
import type { AuditAction } from '../../src-shared/audit/actions'
import { personalDataReports } from '../../src-shared/reports/contract'
import type { HandlerContext } from '../api/dispatch'
import type { AppServices } from '../api/services'
import { workstationActor, writeAudit } from './audit-log'

/*
 * Personal data law (DOMAIN "Personal data"): every read of a customer's data is in the audit
 * log, whichever screen read it. The reads are listed here, by channel, and written by the one
 * dispatch after the handler answered, so a domain handler cannot forget one.
 */

interface ReadEntry {
  action: AuditAction
  accountId: string | null
  details?: unknown
  /** Every print is a fact of its own; views are counted once per screen (see below). */
  everyTime?: boolean
}

type ReadOf<K extends ChannelName> = (
  input: ParsedInputOf<K>,
  output: OutputOf<K>,
  ctx: HandlerContext,
) => ReadEntry | null

function paymentAccount(ctx: HandlerContext, paymentId: string): string | null {
  const row = ctx.services.db.$client
    .prepare('SELECT account_id FROM payments WHERE id = ?')
    .pluck()
    .get(paymentId) as string | undefined
  return row ?? null
}

/** The channels that read a customer's data, and what their entry says. */
export const personalDataReads: { [K in ChannelName]?: ReadOf<K> } = {
  'accounts.form': (input) => ({ action: 'account.form', accountId: input.accountId }),
  'payments.proposal': (input) => ({ action: 'payment.proposal', accountId: input.accountId }),
  'readings.entryContext': (input) => ({ action: 'reading.entry', accountId: input.accountId }),
  'readings.history': (input) => ({ action: 'reading.history', accountId: input.accountId }),
  'payments.history': (input) => ({ action: 'payment.history', accountId: input.accountId }),
  'audit.account': (input) => ({ action: 'account.history', accountId: input.accountId }),
  'notifications.list': (input, output) => ({
    action: 'notifications.list',
    accountId: null,
    details: { kind: input.kind, query: input.query, rows: output.rows.length },
  }),
  'payments.receipt': (input, _output, ctx) => ({
    action: 'document.view',
    accountId: paymentAccount(ctx, input.paymentId),
    details: { document: input.document, paymentId: input.paymentId },
  }),
  'payments.print': (input, _output, ctx) => ({
    action: 'document.print',
    accountId: paymentAccount(ctx, input.paymentId),
    details: { document: input.document, paymentId: input.paymentId },
    everyTime: true,
  }),
  'reports.run': (input, output) =>
    personalDataReports.includes(input.report)
      ? {
          action: 'report.view',
          accountId: null,
          details: { report: input.report, filters: input.filters, rows: output.rowCount },
        }
      : null,
}

/** A screen asks again while it stays open (refresh, paging): one entry per view, not per request. */
const sameViewMs = 60_000
const lastWritten = new WeakMap<AppServices, Map<string, number>>()

/** Writes the audit entry of a read the channel made, once per view. */
export function auditRead<K extends ChannelName>(
  channel: K,
  input: ParsedInputOf<K>,
  output: OutputOf<K>,
  ctx: HandlerContext,
): void {
  const readOf = personalDataReads[channel] as ReadOf<K> | undefined
  const entry = readOf?.(input, output, ctx)
  if (!entry) return
  const { services } = ctx
  const now = services.clock()
  if (!entry.everyTime) {
    let seen = lastWritten.get(services)
    if (!seen) lastWritten.set(services, (seen = new Map()))
    const key = `${ctx.clientKey}|${entry.action}|${entry.accountId}|${JSON.stringify(entry.details ?? null)}`
    const last = seen.get(key)
    if (last !== undefined && now.getTime() - last < sameViewMs) return
    seen.set(key, now.getTime())
  }
  writeAudit(services.db, workstationActor(services.db, ctx.session?.operatorId ?? null, now), {
    action: entry.action,
    entity: entry.accountId ? 'account' : 'report',
    entityId: entry.accountId ?? undefined,
    accountId: entry.accountId,
    details: entry.details,
  })
}
