import { sql } from 'drizzle-orm'
import { z } from 'zod'
import { readingSources, readingStatuses, zones } from '../../src-shared/readings/domain'
import { parseReading } from '../../src-shared/readings/parse-reading'
import { syncMessages } from '../../src-shared/sync/messages'
import { queryRows } from '../db/query'
import { accountInBranch } from './lookups'
import { reject, serverCommand } from './server-command'

const recordedReading = z.object({
  id: z.string().min(1),
  meterId: z.string().min(1),
  zone: z.enum(zones),
  rawValue: z.string().min(1).max(30),
  value: z.number().int().min(0),
  consumption: z.number().int().nullable(),
  readingDate: z.iso.date(),
  period: z.string().regex(/^\d{4}-\d{2}$/),
  source: z.enum(readingSources),
  status: z.enum(readingStatuses),
  confirmReason: z.string().nullable(),
  acceptedBy: z.string().nullable(),
  flags: z.string().nullable(),
})

/** reading.submit v1: the zones the workstation saved, each parsed again against its meter. */
export const readingSubmit = serverCommand({
  name: 'reading.submit',
  argsVersion: 1,
  args: z.object({ accountId: z.string().min(1), readings: z.array(recordedReading) }),
  async apply(tx, write, args, ctx) {
    if (!(await accountInBranch(tx, args.accountId, ctx.branchId)))
      reject(syncMessages.accountNotFound)
    const meters = await queryRows<{ id: string; intDigits: number; fracDigits: number }>(
      tx,
      sql`SELECT id, int_digits AS "intDigits", frac_digits AS "fracDigits" FROM meters
           WHERE account_id = ${args.accountId} AND status = 'active' AND deleted_at IS NULL`,
    )
    for (const r of args.readings) {
      const meter = meters.find((m) => m.id === r.meterId)
      if (!meter) reject(syncMessages.meterNotFound)
      const parsed = parseReading(r.rawValue, meter)
      if (!parsed.ok || parsed.value !== r.value)
        reject(syncMessages.invalidArgs(`показание «${r.rawValue}» не читается`))
    }
    await write.insert(
      'readings',
      args.readings.map((r) => ({
        ...r,
        accountId: args.accountId,
        enteredAt: ctx.at,
        operatorId: ctx.operatorId,
        workstationId: ctx.workstationId,
      })),
    )
    return { readingIds: args.readings.map((r) => r.id) }
  },
})
