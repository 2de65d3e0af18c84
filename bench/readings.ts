/**
 * `npm run bench -- readings --accounts N`: validate-and-save of 10,000 phone readings (each all
 * zones of one meter: the entry context, the rules, the insert, the outbox entry and the audit),
 * timed one by one on an N-account replica with eight months of history.
 */
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import type { Zone } from '../src-shared/readings/domain'
import { executeCommand } from '../src-main/commands/command'
import { readingEntryContext } from '../src-main/readings/entry-context'
import { submitReadings } from '../src-main/readings/submit-readings'
import { benchReplica } from './replica-cache'

/** The demo history ends here... */
const today = '2026-11-20'
/** ...and the callers phone in their readings four weeks later. */
const readingDay = '2026-12-18'
const submissions = 10_000

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0
}

const round = (ms: number) => Math.round(ms * 1000) / 1000

export function run(args: string[]): void {
  const { values } = parseArgs({
    args,
    options: { accounts: { type: 'string', default: '100000' } },
  })
  const accounts = Number(values.accounts)
  const { db } = benchReplica(join('.bench-data', `readings-${accounts}`), {
    seed: 1,
    accounts,
    months: 8,
    today,
  })
  // Active meters spread over the whole replica, the same ones on every run.
  const meters = db.$client
    .prepare(
      `SELECT m.id AS meterId, m.account_id AS accountId FROM meters m
        WHERE m.status = 'active' AND m.rowid % ? = 0 LIMIT ?`,
    )
    .all(Math.max(1, Math.floor(accounts / submissions)), submissions) as {
    meterId: string
    accountId: string
  }[]
  const now = new Date(`${readingDay}T12:00:00+03:00`)
  const times: number[] = []
  const outcomes = { saved: 0, refused: 0 }
  for (const { meterId, accountId } of meters) {
    // What the caller says: last reading plus an ordinary month.
    const meter = readingEntryContext(db, accountId, readingDay).meters.find(
      (m) => m.meterId === meterId,
    )
    if (!meter) continue
    const typed: Partial<Record<Zone, string>> = {}
    for (const [zone, prev] of Object.entries(meter.previous) as [Zone, { value: number }][]) {
      const history = meter.history[zone] ?? []
      const first = history[0]?.value ?? prev.value
      const monthly =
        history.length > 1 ? Math.round((prev.value - first) / (history.length - 1)) : 50
      typed[zone] = String((prev.value + Math.max(1, monthly)) % 10 ** meter.intDigits)
    }
    const started = performance.now()
    try {
      executeCommand(
        db,
        submitReadings,
        {
          accountId,
          source: 'phone',
          readingDate: readingDay,
          meters: [{ meterId, values: typed }],
          confirmReason: 'Абонент подтвердил показания',
          timeZone: 'Europe/Moscow',
          acceptedBy: null,
        },
        { operatorId: null, now },
      )
      outcomes.saved += 1
    } catch {
      outcomes.refused += 1
    }
    times.push(performance.now() - started)
  }
  times.sort((a, b) => a - b)
  console.log(
    `Показания: ${times.length} передач (сохранено ${outcomes.saved}, отклонено правилами ${outcomes.refused}); ` +
      `p50 ${round(percentile(times, 50))} мс, p95 ${round(percentile(times, 95))} мс, max ${round(times.at(-1) ?? 0)} мс`,
  )
  console.log(
    JSON.stringify({
      bench: 'readings',
      accounts,
      p50_ms: round(percentile(times, 50)),
      p95_ms: round(percentile(times, 95)),
    }),
  )
  db.$client.close()
}
