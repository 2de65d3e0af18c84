// One export of each report over a demo branch with a day at the counter, for the read-back
// tests and for .ci/check-xlsx (which has LibreOffice read the same files).
// As a script: `tsx test/reports/support/sample-exports.ts DIR` writes DIR/<report>.xlsx and
// DIR/expected.json (each report's data rows and its money totals in roubles).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { ChannelName, InputOf, OutputOf } from '../../../src-shared/api/contract'
import { demoOperators } from '../../../src-demo/operators'
import { offsetMinutes } from '../../../src-shared/audit/office-day'
import {
  reportFiltersSchema,
  reportKinds,
  type ReportKind,
} from '../../../src-shared/reports/contract'
import { roublesOf } from '../../../src-shared/reports/sheets'
import type { ReportTable } from '../../../src-shared/reports/table'
import { type App } from '../../../src-main/app/create-app'
import { loadDemoData } from '../../../src-main/demo/load'
import { buildReport } from '../../../src-main/reports/build-report'
import { reportXlsx } from '../../../src-node/reports/xlsx-export'
import { appIn } from '../../support/temp-app'

export const sampleNow = new Date('2026-11-20T09:00:00Z')
export const sampleToday = '2026-11-20'
export const sampleTimeZone = 'Europe/Moscow'

/** Filters of each sample: the demo's last six months, or its last day. */
export const sampleFilters: Record<ReportKind, Parameters<typeof reportFiltersSchema.parse>[0]> = {
  payments: { from: '2026-06-01', to: sampleToday },
  shifts: { from: '2026-11-01', to: sampleToday },
  cancellations: { from: '2026-11-01', to: sampleToday },
  readings: { from: '2026-06-01', to: sampleToday },
  missingReadings: { to: sampleToday },
  debtors: { to: sampleToday },
  meters: { to: sampleToday, months: 6 },
  activity: { from: '2026-11-01', to: sampleToday },
  personalData: { from: '2026-11-01', to: sampleToday },
}

export interface SampleBranch {
  app: App
  dir: string
  tab: string
  call<K extends ChannelName>(channel: K, input: InputOf<K>): Promise<OutputOf<K>>
  login(login: string): Promise<void>
  table(report: ReportKind): ReportTable
  close(): void
}

const password = (login: string) => demoOperators.find((o) => o.login === login)!.password

/** A demo branch (300 accounts) whose cashier took payments, one cancelled, and closed the shift. */
export async function sampleBranch(accounts = 300): Promise<SampleBranch> {
  const dir = mkdtempSync(join(tmpdir(), 'energo-reports-'))
  let now = sampleNow.getTime()
  const app = appIn(dir, { clock: () => new Date(now), startSync: false })
  const db = app.services.db
  loadDemoData(db, { seed: 11, accounts, months: 6, today: sampleToday })
  const tab = 'web:samples'
  async function call<K extends ChannelName>(channel: K, input: InputOf<K>) {
    const r = await app.dispatch(channel, input, tab)
    if (!r.ok) throw new Error(`${channel}: ${r.error.message}`)
    return r.value as OutputOf<K>
  }
  async function login(login: string) {
    await app.dispatch('session.logout', {}, tab)
    await call('session.login', { login, password: password(login) })
  }

  await login('cashier')
  await call('shifts.open', { openingCash: 300_000 })
  const lines = db.$client
    .prepare(
      `SELECT s.account_id AS accountId, s.supplier_id AS supplierId, s.service
         FROM account_services s JOIN accounts a ON a.id = s.account_id
        WHERE a.status = 'open' ORDER BY a.number LIMIT 3`,
    )
    .all() as { accountId: string; supplierId: string; service: 'electricity' }[]
  const paid = []
  for (const [i, l] of lines.entries()) {
    now += 60_000
    paid.push(
      await call('payments.record', {
        accountId: l.accountId,
        lines: [{ supplierId: l.supplierId, service: l.service, amount: 12_345 * (i + 1) }],
        method: 'cash',
        cashGiven: 12_345 * (i + 1),
      }),
    )
  }
  const supervisor = demoOperators.find((o) => o.login === 'supervisor')!
  await call('payments.cancel', {
    paymentId: paid[1]!.paymentId,
    reason: 'Ошибка в сумме',
    supervisor: { login: supervisor.login, password: supervisor.password },
  })
  await call('shifts.close', {
    countedCash: 300_000 + 12_345 * 4 - 100,
    differenceReason: 'Недостача',
  })
  await login('supervisor')
  await call('accounts.card', { accountId: lines[0]!.accountId })

  return {
    app,
    dir,
    tab,
    call,
    login,
    table: (report) =>
      buildReport(report, {
        db,
        timeZone: sampleTimeZone,
        today: sampleToday,
        now: new Date(now),
        filters: reportFiltersSchema.parse(sampleFilters[report]),
      }),
    close: () => {
      app.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** What an independent reader must find: the data rows and the totals (money in roubles). */
export interface Expected {
  rows: number
  header: string[]
  /** Column index -> total in roubles. */
  totals: Record<number, number>
}

export function expectedOf(table: ReportTable): Expected {
  const totals: Record<number, number> = {}
  table.columns.forEach((c, i) => {
    const total = table.totals[i] as number
    if (c.total) totals[i] = c.type === 'money' ? roublesOf(total) : total
  })
  return { rows: table.rowCount, header: table.columns.map((c) => c.title), totals }
}

export function xlsxOf(table: ReportTable): Buffer {
  return reportXlsx(table, {
    offsetMinutes: offsetMinutes(sampleNow, sampleTimeZone),
    builtAt: sampleNow.toISOString(),
  })
}

async function main(out: string): Promise<void> {
  mkdirSync(out, { recursive: true })
  const branch = await sampleBranch()
  try {
    const expected: Record<string, Expected> = {}
    for (const kind of reportKinds) {
      const table = branch.table(kind)
      writeFileSync(join(out, `${kind}.xlsx`), xlsxOf(table))
      expected[kind] = expectedOf(table)
    }
    writeFileSync(join(out, 'expected.json'), JSON.stringify(expected, null, 2))
    console.log(`wrote ${reportKinds.length} reports to ${out}`)
  } finally {
    branch.close()
  }
}

if (import.meta.url === pathToFileURL(resolve(process.argv[1] ?? '')).href) {
  await main(resolve(process.argv[2] ?? 'reports-out'))
}
