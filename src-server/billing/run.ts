import { sql } from 'drizzle-orm'
import { uuidv7 } from 'uuidv7'
import type { Service } from '../../src-shared/accounts/domain'
import {
  billService,
  chargeRowOf,
  type BillLine,
  type ServiceToBill,
} from '../../src-shared/billing/bill-service'
import { required } from '../../src-shared/billing/dated'
import { addPeriods, dayNumber, periodLastDay } from '../../src-shared/billing/days'
import type { EstimateRule, Norms } from '../../src-shared/billing/law'
import type { BillingLaw } from '../../src-shared/billing/law-rows'
import {
  dueDateOf,
  penaltyAccrued,
  type PenaltyPayment,
  type PeriodDebt,
} from '../../src-shared/billing/penalties'
import type { TariffRate } from '../../src-shared/billing/tariff-split'
import { zones, type Zone } from '../../src-shared/readings/domain'
import { pipelines, type ServerDb } from '../db/connection'
import { queryRow, queryRows } from '../db/query'
import { settingsOn } from '../settings/settings'
import { SyncedWriter, type Row } from '../sync/synced-write'
import {
  accountsToBill,
  loadBatchInputs,
  loadLaw,
  loadTariffs,
  tariffKey,
  type AccountInputs,
  type BatchAccount,
  type BatchPeriod,
  type LedgerTotals,
  type PenaltyHistory,
  type Range,
} from './inputs'
import { loadPaidServices, paidServiceCharges } from './paid-services'

export interface BillingProgress {
  branchId: string
  done: number
  total: number
}

export interface BillingOptions {
  /** YYYY-MM */
  period: string
  /** One branch; all branches when absent. */
  branchId?: string
  /** Accounts per transaction. */
  batchSize?: number
  /** Batches billed at once. */
  concurrency?: number
  /** Stops after the batch in hand; a later run resumes from there. */
  signal?: AbortSignal
  onProgress?: (p: BillingProgress) => void
  /** The instant the lines are stamped with (tests pin it). */
  now?: () => string
  /** Milliseconds spent per phase, summed over the batches (benchmarks read it). */
  phases?: BillingPhases
}

/** Where a run's time went: batches overlap, so the sums can exceed the wall time. */
export interface BillingPhases {
  read: number
  compute: number
  write: number
}

export interface BranchRunResult {
  branchId: string
  status: 'closed' | 'already-closed' | 'stopped'
  accounts: number
  chargeLines: number
  penaltyLines: number
}

/** The tables a batch's read plans over: names of ours, never the caller's text. */
const billingReads = [
  'accounts',
  'account_services',
  'meters',
  'readings',
  'reading_deletions',
  'charges',
  'opening_balances',
  'payments',
  'payment_lines',
  'payment_cancellations',
]

/**
 * The period close (DOMAIN "Billing"): bills every account of each branch open during the period,
 * a batch of accounts per transaction with a handful of set-based reads and writes each, then
 * marks the period closed and opens the next. A closed period is never billed again; a stopped
 * run resumes with the accounts that have no bill for the period yet.
 */
export async function runBilling(db: ServerDb, o: BillingOptions): Promise<BranchRunResult[]> {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(o.period))
    throw new Error(`период не в виде ГГГГ-ММ: ${o.period}`)
  const branches = o.branchId
    ? [o.branchId]
    : (
        await queryRows<{ id: string }>(
          db,
          sql`SELECT id FROM branches WHERE deleted_at IS NULL ORDER BY id`,
        )
      ).map((b) => b.id)
  const law = await loadLaw(db)
  const tariffs = await loadTariffs(db)
  // PGlite runs no autovacuum: without statistics its planner joins a batch's read by nested
  // loops (35 s a batch of 1,000 against 1.3 s). ANALYZE samples a bounded number of rows.
  // PostgreSQL's autovacuum may not yet have seen tables loaded just before (a demo, a restore):
  // the same, there, for the tables without statistics (an empty table has none, and costs none).
  const unanalyzed = pipelines(db)
    ? (
        await queryRows<{ name: string }>(
          db,
          sql`SELECT t.tablename AS name FROM pg_tables t
               WHERE t.schemaname = current_schema()
                 AND NOT EXISTS (SELECT 1 FROM pg_stats s
                                  WHERE s.schemaname = t.schemaname AND s.tablename = t.tablename)
                 AND t.tablename IN (${sql.join(
                   billingReads.map((t) => sql`${t}`),
                   sql`, `,
                 )})`,
        )
      ).map((t) => t.name)
    : billingReads
  if (unanalyzed.length > 0) await db.execute(sql.raw(`ANALYZE ${unanalyzed.join(', ')}`))
  const out: BranchRunResult[] = []
  for (const branchId of branches) out.push(await runBranch(db, o, branchId, law, tariffs))
  return out
}

async function runBranch(
  db: ServerDb,
  o: BillingOptions,
  branchId: string,
  law: BillingLaw,
  tariffs: Map<string, TariffRate[]>,
): Promise<BranchRunResult> {
  const period = o.period
  const result: BranchRunResult = {
    branchId,
    status: 'closed',
    accounts: 0,
    chargeLines: 0,
    penaltyLines: 0,
  }
  const states = await queryRows<{ period: string; status: string }>(
    db,
    sql`SELECT period, status FROM billing_periods
         WHERE branch_id = ${branchId} AND period >= ${period} AND deleted_at IS NULL
         ORDER BY period`,
  )
  if (states.some((s) => s.period === period && s.status === 'closed')) {
    return { ...result, status: 'already-closed' }
  }
  const later = states.find((s) => s.period > period && s.status === 'closed')
  if (later) throw new Error(`период ${later.period} уже закрыт, ${period} рассчитать нельзя`)

  const start = `${period}-01`
  const next = `${addPeriods(period, 1)}-01`
  const calcDate = periodLastDay(period)
  const rule = required(law.estimate, start, 'billingEstimate')
  const norms = required(law.norms, start, 'billingNorms')
  const schedule = required(law.penalty.schedule, calcDate, 'penaltySchedule')
  const timeZone = (await settingsOn(db, start))('officeTimeZone')
  const dueDate = dueDateOf(period, law.dueDays)
  // The last period whose debt can be past its grace by the calculation date.
  let cut = addPeriods(period, -1)
  while (dayNumber(dueDateOf(cut, law.dueDays)) + schedule.graceDays >= dayNumber(calcDate)) {
    cut = addPeriods(cut, -1)
  }
  const now = o.now ?? (() => new Date().toISOString())

  await db.execute(
    sql`INSERT INTO billing_runs (branch_id, period) VALUES (${branchId}, ${period})
        ON CONFLICT (branch_id, period) DO NOTHING`,
  )
  const progress = await queryRow<{ done: number }>(
    db,
    sql`SELECT accounts_done AS done FROM billing_runs
         WHERE branch_id = ${branchId} AND period = ${period}`,
  )
  const pending = await accountsToBill(db, branchId, { period, start, next })
  let done = Number(progress?.done ?? 0)
  const total = done + pending.length
  o.onProgress?.({ branchId, done, total })

  const size = o.batchSize ?? 1000
  const batches: BatchAccount[][] = []
  for (let i = 0; i < pending.length; i += size) batches.push(pending.slice(i, i + size))
  const context: BatchContext = {
    branchId,
    period,
    p: {
      period,
      start,
      next,
      cut,
      timeZone,
      historyFrom: addPeriods(period, -(rule.windowMonths + rule.maxPeriods + 1)),
    },
    calcDate,
    dueDate,
    rule,
    norms,
    law,
    tariffs,
    now,
    phases: o.phases ?? { read: 0, compute: 0, write: 0 },
  }
  // A few batches at once: one's reads overlap another's computing and writes.
  let taken = 0
  const worker = async () => {
    while (taken < batches.length && !o.signal?.aborted) {
      const batch = batches[taken++]!
      const written = await billBatch(db, context, batch)
      done += batch.length
      result.accounts += batch.length
      result.chargeLines += written.chargeLines
      result.penaltyLines += written.penaltyLines
      o.onProgress?.({ branchId, done, total })
    }
  }
  // Four at once: the cores stay busy, and the database spends less CPU than with six batches'
  // working sets at once (100k accounts on two cores: 24-29 s of backend CPU against 26-31 s).
  await Promise.all(Array.from({ length: Math.min(o.concurrency ?? 4, batches.length) }, worker))
  if (taken < batches.length || o.signal?.aborted) return { ...result, status: 'stopped' }

  await db.transaction(async (tx) => {
    const write = new SyncedWriter(tx, branchId)
    const closedAt = now()
    await write.upsert('billing_periods', [{ branchId, period, status: 'closed', closedAt }])
    if (!states.some((s) => s.period === addPeriods(period, 1))) {
      await write.upsert('billing_periods', [
        { branchId, period: addPeriods(period, 1), status: 'open', closedAt: null },
      ])
    }
    await write.flush()
    await tx.execute(
      sql`UPDATE billing_runs SET finished_at = now()
           WHERE branch_id = ${branchId} AND period = ${period}`,
    )
  })
  return result
}

interface BatchContext {
  branchId: string
  period: string
  p: BatchPeriod
  calcDate: string
  dueDate: string
  rule: EstimateRule
  norms: Norms
  law: BillingLaw
  tariffs: Map<string, TariffRate[]>
  now: () => string
  phases: BillingPhases
}

const byAccount = <T extends { accountId: string }>(rows: T[]) => {
  const m = new Map<string, T[]>()
  for (const r of rows) {
    let list = m.get(r.accountId)
    if (!list) m.set(r.accountId, (list = []))
    list.push(r)
  }
  return m
}

/** An account the batch's read found nothing for (none of its rows in the range). */
const none: AccountInputs = { services: [], meters: [], past: [], totals: [], history: [] }

/**
 * A batch's reads, in a transaction of their own tuned for them: the reads are small and many
 * run at once, so compiling them (JIT, costed as if large) took most of their time and parallel
 * workers only fight the other batches for the cores; sorts (the newest billed reading per meter)
 * stay in memory.
 */
function tuned<T>(db: ServerDb, read: (tx: ServerDb) => Promise<T>): Promise<T> {
  // PGlite has neither JIT nor workers, and a transaction there would hold its one connection.
  if (!pipelines(db)) return read(db)
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`SELECT set_config('jit', 'off', true), set_config('max_parallel_workers_per_gather', '0', true),
                 set_config('work_mem', '64MB', true)`,
    )
    return read(tx)
  })
}

/**
 * One batch: its inputs read with one statement (and its paid services beside it; apart from the
 * write: a fact that comes in meanwhile is billed next period), the pure rules per account, then
 * its lines, bills and billed readings written in one transaction.
 */
async function billBatch(
  db: ServerDb,
  c: BatchContext,
  batch: BatchAccount[],
): Promise<{ chargeLines: number; penaltyLines: number }> {
  const { branchId, period } = c
  let mark = performance.now()
  const lap = (phase: keyof BillingPhases) => {
    const at = performance.now()
    c.phases[phase] += at - mark
    mark = at
  }
  const range: Range = { branchId, first: batch[0]!.id, last: batch.at(-1)!.id }
  const [inputs, paidDone] = await tuned(db, (tx) =>
    Promise.all([loadBatchInputs(tx, range, c.p), loadPaidServices(tx, range, c.p.next)]),
  )
  const paidOf = byAccount(paidDone)
  lap('read')

  const createdAt = c.now()
  const charges: Row[] = []
  const bills: Row[] = []
  const billed: string[] = []
  let chargeLines = 0
  let penaltyCount = 0
  for (const account of batch) {
    const my = inputs.get(account.id) ?? none
    const lines: BillLine[] = []
    for (const s of my.services) {
      const bill = billService(
        {
          period,
          residents: account.residents,
          areaTenths: account.areaTenths,
          openedOn: account.openedOn,
          closedOn: account.closedOn,
        },
        serviceInput(account, s.service, s.supplierId, my, c.tariffs),
        c.rule,
        c.norms,
      )
      lines.push(...bill.lines)
      billed.push(...bill.billedReadingIds)
    }
    const penalties = penaltyLines(my.totals, my.history, c.calcDate, c.law)
    for (const l of lines) {
      charges.push(chargeRowOf(l, { id: uuidv7(), accountId: account.id, period, createdAt }))
    }
    for (const p of penalties) {
      charges.push({
        id: uuidv7(),
        accountId: account.id,
        supplierId: p.supplierId,
        service: p.service,
        period,
        kind: 'penalty',
        volume: null,
        basis: null,
        rateMillikopecks: null,
        amount: p.amount,
        createdAt,
        zone: null,
        recalculatedPeriod: null,
      })
    }
    const ledger = my.totals
    const opening = ledger.reduce((s, t) => s + t.opening, 0)
    const paid = ledger.reduce((s, t) => s + t.paid, 0)
    // Paid services done (service requests): their own lines, in the bill's charged sum.
    const paidLines = paidServiceCharges(paidOf.get(account.id) ?? [], period, createdAt, uuidv7)
    charges.push(...paidLines)
    const charged =
      lines.reduce((s, l) => s + l.amount, 0) + paidLines.reduce((s, p) => s + Number(p.amount), 0)
    const penalty = penalties.reduce((s, p) => s + p.amount, 0)
    bills.push({
      id: uuidv7(),
      accountId: account.id,
      period,
      documentNumber: `${period.replace('-', '')}-${account.number}`,
      openingBalance: opening,
      charged,
      penalties: penalty,
      paid,
      closingBalance: opening + charged + penalty - paid,
      dueDate: c.dueDate,
      createdAt,
    })
    chargeLines += lines.length
    penaltyCount += penalties.length
  }
  lap('compute')
  // One statement: the lines, the bills, the billed readings and requests (each a set-based
  // statement, versions from the branch counter) and the progress; on a pipelining connection the
  // commit goes right behind it, so the counter's lock waits for no round trip of ours.
  const progress = sql`UPDATE billing_runs SET accounts_done = accounts_done + ${batch.length}
                        WHERE branch_id = ${branchId} AND period = ${period}`
  let sent: Promise<{ error: unknown } | null> = Promise.resolve(null)
  await db.transaction(async (tx) => {
    const write = new SyncedWriter(tx, branchId)
    await write.insert('charges', charges)
    await write.insert('bills', bills)
    await write.updateMany('readings', billed, { status: 'billed' })
    await write.updateMany(
      'service_requests',
      paidDone.map((d) => d.id),
      { chargedPeriod: period },
    )
    const statement = pipelines(db) ? write.sendWith(() => [progress]) : null
    if (statement) {
      sent = statement.then(
        () => null,
        (error: unknown) => ({ error }),
      )
      return
    }
    await write.flush()
    await tx.execute(progress)
  })
  // A failed statement turned the commit into a rollback: the batch is not billed.
  const failed = await sent
  if (failed) throw failed.error
  lap('write')
  return { chargeLines, penaltyLines: penaltyCount }
}

const ratesCache = new WeakMap<
  Map<string, TariffRate[]>,
  Map<string, Partial<Record<Zone, TariffRate[]>>>
>()

function serviceInput(
  account: BatchAccount,
  service: Service,
  supplierId: string,
  my: AccountInputs,
  tariffs: Map<string, TariffRate[]>,
): ServiceToBill {
  // The same few rate sets serve every account: built once per run.
  const key = `${supplierId}|${service}|${account.tariffGroup}`
  let rates = ratesCache.get(tariffs)?.get(key)
  if (!rates) {
    rates = {}
    for (const zone of zones) {
      const r = tariffs.get(tariffKey(supplierId, service, account.tariffGroup, zone))
      if (r) rates[zone] = r
    }
    let cache = ratesCache.get(tariffs)
    if (!cache) ratesCache.set(tariffs, (cache = new Map()))
    cache.set(key, rates)
  }
  return {
    service,
    supplierId,
    meters: my.meters.filter((m) => m.service === service),
    past: my.past.filter((l) => l.service === service),
    tariffs: rates,
  }
}

/**
 * Each supplier's service the account owed past the grace on: the penalties accrued through the
 * calculation date less those already charged (so a late payment or a rate in force on a later
 * payment day corrects them here, never in a closed period).
 */
function penaltyLines(
  totals: LedgerTotals[],
  history: PenaltyHistory[],
  calcDate: string,
  law: BillingLaw,
): { supplierId: string; service: Service; amount: number }[] {
  const out: { supplierId: string; service: Service; amount: number }[] = []
  for (const t of totals) {
    if (t.overdue <= 0) continue
    const mine = history.filter((h) => h.supplierId === t.supplierId && h.service === t.service)
    const debts: PeriodDebt[] = []
    const payments: PenaltyPayment[] = []
    for (const h of mine) {
      if (h.kind === 'payment') payments.push({ date: h.day!, amount: h.amount })
      else if (h.kind === 'opening')
        debts.push({ period: h.period!, dueDate: h.day!, amount: h.amount })
      else
        debts.push({
          period: h.period!,
          dueDate: dueDateOf(h.period!, law.dueDays),
          amount: h.amount,
        })
    }
    const amount = penaltyAccrued(debts, payments, calcDate, law.penalty) - t.penaltiesCharged
    if (amount !== 0) out.push({ supplierId: t.supplierId, service: t.service, amount })
  }
  return out
}
