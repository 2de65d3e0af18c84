import { officeDate } from '../../src-shared/dates'
import type { Zone } from '../../src-shared/readings/domain'
import { validateReadingSubmission } from '../../src-shared/readings/validate-reading'
import { syncMessages } from '../../src-shared/sync/messages'
import { closedPeriodsOf } from '../billing/periods'
import { serverReadingContext } from '../readings/reading-context'
import { accountOfBranch, exist } from './lookups'
import { reject, serverCommand } from './server-command'

/**
 * reading.submit v1: the zones the workstation saved, checked again by the shared reading rules
 * against the readings the server holds, as of the day the clerk entered them. The server's
 * figures (value, consumption, period, flags) are the ones stored.
 */
export const readingSubmit = serverCommand({
  name: 'reading.submit',
  async apply(tx, write, args, ctx) {
    if (!(await exist(tx, { account: accountOfBranch(args.accountId, ctx.branchId) })).account)
      reject(syncMessages.accountNotFound)
    const entryDate = officeDate(new Date(ctx.at), args.timeZone)
    const context = await serverReadingContext(tx, args.accountId, entryDate)
    const closedPeriods = await closedPeriodsOf(tx, ctx.branchId)
    const rows = []
    for (const meterId of new Set(args.readings.map((r) => r.meterId))) {
      const typed = args.readings.filter((r) => r.meterId === meterId)
      const first = typed[0]!
      const meter = context.meters.find((m) => m.id === meterId)
      if (!meter) reject(syncMessages.meterNotFound)
      const result = validateReadingSubmission({
        meter,
        values: Object.fromEntries(typed.map((r) => [r.zone, r.rawValue])) as Record<Zone, string>,
        readingDate: first.readingDate,
        entryDate,
        previous: meter.previous,
        history: meter.history,
        occupied: context.occupied,
        settings: context.rules,
        closedPeriods,
      })
      const issues = [...result.issues, ...result.zones.flatMap((z) => z.issues)]
      if (result.status === 'error') {
        if (!result.supervisorMayAccept) {
          reject(issues.find((x) => x.severity === 'error')?.message ?? syncMessages.meterNotFound)
        }
        if (!first.acceptedBy) reject(syncMessages.readingNeedsSupervisor)
      }
      if (result.status !== 'ok' && !first.confirmReason?.trim()) {
        reject(syncMessages.readingNeedsReason)
      }
      const flags = [...new Set(issues.map((x) => x.code))]
      for (const z of result.zones) {
        const row = typed.find((r) => r.zone === z.zone)
        if (!row || z.value === null) continue
        rows.push({
          ...row,
          value: z.value,
          consumption: z.consumption,
          period: result.period,
          confirmReason: result.status === 'ok' ? null : row.confirmReason,
          acceptedBy: result.status === 'error' ? row.acceptedBy : null,
          flags: flags.length > 0 ? JSON.stringify(flags) : null,
          accountId: args.accountId,
          enteredAt: ctx.at,
          operatorId: ctx.operatorId,
          workstationId: ctx.workstationId,
        })
      }
    }
    await write.insert('readings', rows)
    return { readingIds: rows.map((r) => r.id) }
  },
})
