import { officeDate } from '../../src-shared/dates'
import type { SubmitReadingsArgs, SubmitReadingsResult } from '../../src-shared/readings/contract'
import { validateReadingSubmission } from '../../src-shared/readings/validate-reading'
import { ApiFailure } from '../api/failure'
import type { CommandPayload } from '../../src-shared/sync/commands'
import type { CommandDef } from '../commands/command'
import type { AuditEntry } from '../audit/audit-log'
import { prepared } from '../db/prepared'
import type { readings } from '../db/schema'
import type { OperatorRow } from '../operators/credentials'
import { readingCheckContext } from './entry-context'
import { newId } from '../commands/new-id'

export interface SubmitReadingsCommandArgs extends SubmitReadingsArgs {
  /** The office's time zone, for the entry date that decides the period. */
  timeZone: string
  /** Set by the handler after checking a supervisor (logged in, or confirming with a password). */
  acceptedBy: Pick<OperatorRow, 'id' | 'fullName'> | null
}

function refuse(message: string, fields: Record<string, string>): never {
  throw new ApiFailure('invalid_input', message, fields)
}

/**
 * reading.submit: all zones of one or more meters of an account in one command. The server runs
 * the same rules as the entry screen, inside the transaction: errors are refused unless a
 * supervisor accepts those that may be accepted; warnings need the clerk's reason.
 */
export const submitReadings: CommandDef<
  SubmitReadingsCommandArgs,
  SubmitReadingsResult,
  'reading.submit'
> = {
  name: 'reading.submit',
  argsVersion: 1,
  apply(tx, args, ctx) {
    const today = officeDate(ctx.now, args.timeZone)
    const context = readingCheckContext(
      tx,
      args.accountId,
      args.meters.map((m) => m.meterId),
      today,
    )
    const reason = args.confirmReason?.trim() || null
    const results: SubmitReadingsResult['results'] = []
    const refused: Record<string, string> = {}
    let needsReason = false
    let needsSupervisor = false

    args.meters.forEach((entry, i) => {
      const meter = context.meters.find((m) => m.meterId === entry.meterId)
      if (!meter) {
        refused[`meters.${i}.meterId`] =
          'Прибор учета: не найден среди действующих приборов этого счета.'
        return
      }
      const result = validateReadingSubmission({
        meter,
        values: entry.values,
        readingDate: args.readingDate,
        entryDate: today,
        previous: meter.previous,
        history: meter.history,
        occupied: context.occupied,
        settings: context.rules,
        closedPeriods: context.closedPeriods,
      })
      results.push({ ...result, meterId: meter.meterId })
      if (result.status === 'warning') needsReason = true
      if (result.status !== 'error') return
      if (result.supervisorMayAccept) {
        needsSupervisor = true
        return
      }
      for (const z of result.zones) {
        const first = z.issues.find((x) => x.severity === 'error')
        if (first) refused[`meters.${i}.values.${z.zone}`] = first.message
      }
      const general = result.issues.find((x) => x.severity === 'error')
      if (general) refused[`meters.${i}`] = general.message
    })

    const messages = Object.values(refused)
    if (messages.length > 0) refuse(messages.join(' '), refused)
    if (needsSupervisor && !args.acceptedBy) {
      const message =
        'Показания вне допустимого диапазона: их может принять только старший смены, или закажите контрольное снятие.'
      refuse(message, { supervisor: message })
    }
    if ((needsReason || needsSupervisor) && !reason) {
      const message = 'Причина: укажите, что подтвердил абонент.'
      refuse(message, { confirmReason: message })
    }

    const readingIds: string[] = []
    const rows: (typeof readings.$inferInsert)[] = []
    // A prepared statement, not the query builder: building and preparing it per row cost more
    // than the insert itself.
    const insert = prepared(
      tx.$client,
      `INSERT INTO readings (id, meter_id, account_id, zone, raw_value, value, consumption,
                             reading_date, entered_at, period, source, status, confirm_reason,
                             accepted_by, flags, operator_id, workstation_id)
       VALUES (@id, @meterId, @accountId, @zone, @rawValue, @value, @consumption, @readingDate,
               @enteredAt, @period, @source, @status, @confirmReason, @acceptedBy, @flags,
               @operatorId, @workstationId)`,
    )
    const audit: AuditEntry[] = []
    for (const result of results) {
      const flags = [...result.issues, ...result.zones.flatMap((z) => z.issues)].map((x) => x.code)
      for (const z of result.zones) {
        if (z.value === null) continue
        const id = newId()
        readingIds.push(id)
        const row = {
          id,
          meterId: result.meterId,
          accountId: args.accountId,
          zone: z.zone,
          rawValue: z.raw,
          value: z.value,
          consumption: z.consumption,
          readingDate: args.readingDate,
          enteredAt: ctx.at,
          period: result.period,
          source: args.source,
          status: 'accepted',
          confirmReason: result.status === 'ok' ? null : reason,
          acceptedBy: result.status === 'error' ? (args.acceptedBy?.id ?? null) : null,
          flags: flags.length > 0 ? JSON.stringify([...new Set(flags)]) : null,
          operatorId: ctx.operatorId,
          workstationId: ctx.workstationId,
        } satisfies typeof readings.$inferInsert
        insert.run(row)
        rows.push(row)
      }
      audit.push({
        action: 'reading.submit',
        entity: 'meter',
        entityId: result.meterId,
        accountId: args.accountId,
        details: {
          typed: Object.fromEntries(result.zones.map((z) => [z.zone, z.raw])),
          period: result.period,
          consumption: result.totalConsumption,
          status: result.status,
          reason,
          acceptedBy: args.acceptedBy?.fullName ?? null,
        },
      })
    }
    const period = results[0]?.period ?? today.slice(0, 7)
    // The server stores these same facts (ids included) after checking them again; the
    // supervisor's password never leaves the workstation.
    const recorded = {
      accountId: args.accountId,
      timeZone: args.timeZone,
      readings: rows.map(
        ({ operatorId: _o, workstationId: _w, accountId: _a, enteredAt: _e, ...r }) => r,
      ) as CommandPayload<'reading.submit'>['readings'],
    }
    return { result: { period, readingIds, results }, audit, recorded }
  },
}
