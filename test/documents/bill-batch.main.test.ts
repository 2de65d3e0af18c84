import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Db } from '../../src-main/db/connection'
import { printBillBatch } from '../../src-main/documents/bill-batch'
import { billInputOf } from '../../src-main/documents/bill-data'
import { BillJobs } from '../../src-main/documents/bill-batch-thread'
import type { Printer } from '../../src-main/documents/printer'
import { printNice } from '../../src-main/documents/print-priority'
import { buildBill } from '../../src-shared/documents/bill'
import { renderBillArticle, renderBillBatchHtml } from '../../src-shared/documents/bill-html'
import type { BillBatchState } from '../../src-shared/documents/contract'
import { ids, tempApp, testOperators, type TempApp, registerTestAccount } from '../support/temp-app'
import { appTab } from '../support/app-tab'

// The real builder, watched: a bill built on this thread (not the batch's) is counted.
vi.mock('../../src-shared/documents/bill', async (original) => {
  const actual = await original<typeof import('../../src-shared/documents/bill')>()
  return { ...actual, buildBill: vi.fn(actual.buildBill) }
})

let t: TempApp

/** How many threads of this process run at `nice` (Linux: field 19 of each task's stat). */
function threadsAt(nice: number): number {
  return readdirSync('/proc/self/task').filter(
    (tid) =>
      Number(
        readFileSync(`/proc/self/task/${tid}/stat`, 'utf8')
          .replace(/^.*\) /s, '')
          .split(' ')[16],
      ) === nice,
  ).length
}
let accounts: string[]

/** An electricity charge of `amount` kopecks for October 2026 and its bill, ids made from `key`. */
function billOctober(db: Db, account: string, key: string, amount: number) {
  db.$client
    .prepare(
      `INSERT INTO charges (id, account_id, supplier_id, service, period, kind, amount, created_at)
       VALUES (?, ?, ?, 'electricity', '2026-10', 'charge', ?, '2026-11-01T00:00:00Z')`,
    )
    .run(`c${key}`, account, ids.supplier, amount)
  db.$client
    .prepare(
      `INSERT INTO bills (id, account_id, period, document_number, opening_balance, charged,
                          penalties, paid, closing_balance, due_date, created_at)
       VALUES (?, ?, '2026-10', ?, 0, 0, 0, 0, 0, '2026-11-10', '2026-11-01T00:00:00Z')`,
    )
    .run(`b${key}`, account, `B-${key}`)
}

/** Three accounts billed for October; a fourth without a bill. */
beforeEach(() => {
  t = tempApp(new Date('2026-11-20T09:00:00Z'))
  const db = t.app.services.db
  accounts = ['7700000011', '7700000012', '7700000013', '7700000014'].map((number) =>
    registerTestAccount(t, { number }),
  )
  accounts.slice(0, 3).forEach((id, i) => billOctober(db, id, `${i}`, 10_000 * (i + 1)))
})
afterEach(() => t.cleanup())

describe('batch printing of a period bills', () => {
  it('prints the billed accounts in jobs, skips one without a bill, cancels and resumes', async () => {
    const { db, printer } = t.app.services
    // Two pages print at once: a cancel lets both jobs in flight finish.
    expect(printer.parallel).toBe(2)
    const controller = new AbortController()
    const progress: number[] = []
    const first = await printBillBatch(db, printer, {
      period: '2026-10',
      accountIds: accounts,
      timeZone: 'Europe/Moscow',
      printer: '',
      perJob: 1,
      worker: t.app.services.billWorker,
      signal: controller.signal,
      onProgress: (done) => {
        progress.push(done)
        controller.abort()
      },
    })
    // Cancelled while the first two jobs printed: the third, built meanwhile, waits for the resume.
    expect(progress).toEqual([1, 2])
    expect(first).toMatchObject({ bills: 2, next: 2 })
    const rest = await printBillBatch(db, printer, {
      period: '2026-10',
      accountIds: accounts,
      timeZone: 'Europe/Moscow',
      printer: '',
      perJob: 1,
      from: first.next!,
      worker: t.app.services.billWorker,
    })
    expect(rest.next).toBeNull()
    expect(first.bills + rest.bills).toBe(3)
    // One PDF per job in print order; the account without a bill made none.
    expect(
      [...first.documents, ...rest.documents].map((d) => d.target.replace(/^.*\//, '')),
    ).toEqual(['ЕПД_2026-10_1-1.pdf', 'ЕПД_2026-10_2-2.pdf', 'ЕПД_2026-10_3-3.pdf'])
    const text = [...first.documents, ...rest.documents]
      .map((d) => execFileSync('pdftotext', [d.target, '-']).toString())
      .join('\n')
    for (const number of ['B-0', 'B-1', 'B-2']) expect(text).toContain(number)
    expect(text).not.toContain('7700000014')
    expect(text).not.toContain('ДУБЛИКАТ')
  })
})

describe('a batch of bills built off the main thread', () => {
  it('builds no bill on the main thread: the batch thread builds the same pages', async () => {
    const db = t.app.services.db
    const many = Array.from({ length: 120 }, (_, k) =>
      registerTestAccount(t, { number: `7700001${String(k).padStart(3, '0')}` }),
    )
    db.$client.transaction(() => {
      many.forEach((id, k) => billOctober(db, id, `m${k}`, 1_000 + k))
    })()
    // A tray that keeps the pages it is given: what is measured is the batch's own work.
    const pages: string[] = []
    const lowered: number[] = []
    const tray: Printer = {
      parallel: 2,
      print: (job) => {
        pages.push(job.html)
        lowered.push(threadsAt(printNice))
        return Promise.resolve({ kind: 'pdf', target: job.name })
      },
      listPrinters: () => Promise.resolve([]),
      close: () => Promise.resolve(),
    }
    expect(threadsAt(printNice)).toBe(0)
    vi.mocked(buildBill).mockClear()
    const result = await printBillBatch(db, tray, {
      period: '2026-10',
      accountIds: many,
      timeZone: 'Europe/Moscow',
      printer: '',
      worker: t.app.services.billWorker,
    })
    // Not one of the 120 bills was built here (CPU time would say the same, but not reliably on a
    // loaded two-core machine).
    expect(buildBill).not.toHaveBeenCalled()
    expect(result).toMatchObject({ bills: 120, next: null })
    expect(result.documents.map((d) => d.target)).toEqual([
      'ЕПД_2026-10_1-50',
      'ЕПД_2026-10_51-100',
      'ЕПД_2026-10_101-120',
    ])

    // The same pages built on this thread, as the batch did before it had a thread of its own.
    const here = [0, 50, 100].map((start) =>
      renderBillBatchHtml(
        'ЕПД за 2026-10',
        many
          .slice(start, start + 50)
          .map((id) =>
            renderBillArticle(buildBill(billInputOf(db, id, '2026-10', 'Europe/Moscow', false))),
          ),
      ),
    )
    expect(pages).toEqual(here)
    // The batch's thread gives way to this one (Linux: the niceness is per thread).
    expect(lowered).toEqual([1, 1, 1])
  })

  it('fails the batch when its thread cannot read the replica', async () => {
    const jobs = new BillJobs(
      t.app.services.billWorker,
      {
        file: join(t.dir, 'missing', 'replica.sqlite'),
        period: '2026-10',
        timeZone: 'Europe/Moscow',
        accountIds: accounts,
        from: 0,
        perJob: 2,
      },
      2,
    )
    await expect(jobs.next()).rejects.toThrow(/Cannot open database/)
    await jobs.close()
  })
})

describe('a supervisor prints the period bills over IPC', () => {
  it('prints them in the background, lists e-mail delivery apart, records the batch', async () => {
    const db = t.app.services.db
    // The second account moved to e-mail bills.
    db.$client
      .prepare(
        `INSERT INTO consents (id, account_id, kind, given, date, created_at)
         VALUES ('k1', ?, 'email_bill', 1, '2026-05-01', '2026-05-01T00:00:00Z')`,
      )
      .run(accounts[1])
    const tab = 'web:batch'
    const supervisor = testOperators[2]
    await appTab(() => t, tab).login(supervisor)
    const started = await t.app.dispatch(
      'documents.batchStart',
      { period: '2026-10', officeId: ids.office },
      tab,
    )
    if (!started.ok) throw new Error(started.error.message)
    let state = started.value as BillBatchState
    expect(state).toMatchObject({ total: 2, running: true })
    expect(state.emailAccounts).toEqual([
      { accountNumber: '7700000012', holderName: 'Смирнов Алексей Игоревич' },
    ])
    for (let i = 0; i < 200 && state.running; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50))
      const r = await t.app.dispatch('documents.batchStatus', {}, tab)
      if (r.ok && r.value) state = r.value as BillBatchState
    }
    expect(state).toMatchObject({ running: false, done: 2, next: null, error: null })
    const text = state.documents
      .map((d) => execFileSync('pdftotext', [d.target, '-']).toString())
      .join('')
    expect(text).toContain('B-0')
    expect(text).toContain('B-2')
    expect(text).not.toContain('B-1')
    const audit = db.$client
      .prepare(`SELECT count(*) FROM audit_log WHERE action = 'document.batch'`)
      .pluck()
      .get()
    expect(audit).toBe(1)
  })

  it('is refused to a cashier', async () => {
    const tab = 'web:batch'
    const cashier = testOperators[1]
    await t.app.dispatch('session.login', { login: cashier.login, password: cashier.password }, tab)
    const r = await t.app.dispatch('documents.batchStart', { period: '2026-10' }, tab)
    expect(r.ok).toBe(false)
  })
})
