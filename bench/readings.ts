/**
 * `npm run bench -- readings --accounts N`: 10,000 phone readings (each all zones of one meter)
 * on an N-account replica with 24 months of history, each timed three ways: the save (the entry
 * context again, the rules, the insert, the outbox entry and the audit, in one transaction), the
 * whole phone path the clerk waits for (entry context + validate + save), and the raw limit: the
 * same rows, outbox row and audit row written by bare prepared statements in one IMMEDIATE
 * transaction on the same file with the same pragmas. The save's p95 over the raw p95 says how
 * much the app adds to what SQLite cannot avoid, whatever else the machine is doing.
 */
import { uuidv7 } from 'uuidv7'
import type { Zone } from '../src-shared/readings/domain'
import { validateReadingSubmission } from '../src-shared/readings/validate-reading'
import { executeCommand } from '../src-main/commands/command'
import type { Db } from '../src-main/db/connection'
import { readingEntryContext } from '../src-main/readings/entry-context'
import { submitReadings } from '../src-main/readings/submit-readings'
import { benchCounts } from './options'
import { demoReplicaCopy } from './replica-cache'
import { insertEveryColumn, rawCommandWriter, type RawRows } from './raw-write'
import { CpuTime, ratio, Timings } from './timings'

/** The demo history ends here... */
const today = '2026-11-20'
/** ...and the callers phone in their readings four weeks later. */
const readingDay = '2026-12-18'

type Row = Record<string, unknown>

/** The bare write of a saved reading's rows, its outbox row and its audit row. */
function rawWriter(db: Db) {
  const sqlite = db.$client
  const raw = rawCommandWriter(sqlite)
  const insert = insertEveryColumn(sqlite, 'readings')
  const saved = sqlite.prepare('SELECT * FROM readings WHERE id = ?')
  return {
    /** Copies of what the app just saved (new ids, a sequence of their own), ready to write. */
    copyOf(readingIds: string[]): RawRows {
      return raw.copyWith(
        readingIds.map((id) => [insert, { ...(saved.get(id) as Row), id: uuidv7() }]),
      )
    },
    write: raw.write,
  }
}

export function run(args: string[]): void {
  const { accounts, months, submissions } = benchCounts(args, {
    accounts: 100_000,
    months: 24,
    submissions: 10_000,
  })
  const { db } = demoReplicaCopy({ accounts, months, today })
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
  const raw = rawWriter(db)
  const now = new Date(`${readingDay}T12:00:00+03:00`)
  const save = new Timings()
  const phone = new Timings()
  const rawTimes = new Timings()
  const saveCpu = new CpuTime()
  const rawCpu = new CpuTime()
  const outcomes = { saved: 0, refused: 0 }
  for (const { meterId, accountId } of meters) {
    // The clerk opens the account...
    let started = performance.now()
    const context = readingEntryContext(db, accountId, readingDay)
    let waited = performance.now() - started
    const meter = context.meters.find((m) => m.meterId === meterId)
    if (!meter) continue
    // ...and types what the caller says: the last reading plus an ordinary month.
    const typed: Partial<Record<Zone, string>> = {}
    for (const [zone, prev] of Object.entries(meter.previous) as [Zone, { value: number }][]) {
      const history = meter.history[zone] ?? []
      const first = history[0]?.value ?? prev.value
      const monthly =
        history.length > 1 ? Math.round((prev.value - first) / (history.length - 1)) : 50
      typed[zone] = String((prev.value + Math.max(1, monthly)) % 10 ** meter.intDigits)
    }
    // The entry screen checks as the clerk types (the renderer runs the same rules)...
    started = performance.now()
    validateReadingSubmission({
      meter,
      values: typed,
      readingDate: readingDay,
      entryDate: context.today,
      previous: meter.previous,
      history: meter.history,
      occupied: context.occupied,
      settings: context.rules,
    })
    waited += performance.now() - started
    // ...and saves.
    saveCpu.start()
    started = performance.now()
    let readingIds: string[] | null = null
    try {
      readingIds = executeCommand(
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
      ).readingIds
      outcomes.saved += 1
    } catch {
      outcomes.refused += 1
    }
    const saveMs = performance.now() - started
    saveCpu.stop()
    save.add(saveMs)
    phone.add(waited + saveMs)
    if (readingIds) rawTimes.add(raw.write(raw.copyOf(readingIds), rawCpu))
  }
  const result = {
    bench: 'readings',
    accounts,
    months,
    saved: outcomes.saved,
    refused: outcomes.refused,
    p50_ms: save.percentile(50),
    p95_ms: save.percentile(95),
    raw_p50_ms: rawTimes.percentile(50),
    raw_p95_ms: rawTimes.percentile(95),
    p95_over_raw: ratio(save.percentile(95), rawTimes.percentile(95)),
    cpu_ms: saveCpu.meanMs,
    raw_cpu_ms: rawCpu.meanMs,
    phone_p50_ms: phone.percentile(50),
    phone_p95_ms: phone.percentile(95),
  }
  console.log(
    `Показания: ${save.count} передач (сохранено ${outcomes.saved}, отклонено правилами ${outcomes.refused}); ` +
      `сохранение p50 ${result.p50_ms} мс, p95 ${result.p95_ms} мс, max ${save.max} мс; ` +
      `голая запись SQLite p95 ${result.raw_p95_ms} мс (x${result.p95_over_raw}); ` +
      `путь по телефону (контекст + проверка + сохранение) p95 ${result.phone_p95_ms} мс`,
  )
  console.log(JSON.stringify(result))
  db.$client.close()
}
