/**
 * `npm run bench -- payments --accounts N`: 10,000 cash payments at the counter, each with the
 * open-debt proposal, allocation, receipt number, outbox entry and audit, timed one by one on an
 * N-account replica; then the time to turn a receipt into a PDF with Chromium.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { renderReceiptHtml } from '../src-shared/documents/receipt-html'
import { executeCommand } from '../src-main/commands/command'
import { chromiumPdfPrinter } from '../src-main/documents/chromium-pdf-printer'
import { debtLines } from '../src-main/payments/proposal'
import { receiptModel } from '../src-main/payments/receipt'
import { recordPayment } from '../src-main/payments/record-payment'
import { closeShift, openShift } from '../src-main/shifts/shift-commands'
import { openShiftOf } from '../src-main/shifts/shifts'
import { currentDevice } from '../src-main/workstation/device'
import { readSetting } from '../src-main/settings/settings'
import { benchReplica } from './replica-cache'

const today = '2026-11-20'
const payments = 10_000
const pdfs = 20
const timeZone = 'Europe/Moscow'

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0
}

const round = (ms: number) => Math.round(ms * 1000) / 1000

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { accounts: { type: 'string', default: '100000' } },
  })
  const accounts = Number(values.accounts)
  const { db } = benchReplica(join('.bench-data', `payments-${accounts}`), {
    seed: 1,
    accounts,
    months: 8,
    today,
  })
  const ids = db.$client
    .prepare(`SELECT id FROM accounts WHERE rowid % ? = 0 LIMIT ?`)
    .pluck()
    .all(Math.max(1, Math.floor(accounts / payments)), payments) as string[]
  let now = new Date(`${today}T09:00:00+03:00`)
  const maxAmount = readSetting(db, 'paymentMaxAmount', today)
  const actor = () => ({ operatorId: null, now })
  // A run stopped half-way leaves its shift open in the cached replica.
  if (openShiftOf(db, currentDevice(db).workstationId, now))
    executeCommand(db, closeShift, { countedCash: 0 }, actor())
  executeCommand(db, openShift, { openingCash: 0 }, actor())

  const times: number[] = []
  const paid: string[] = []
  for (const accountId of ids) {
    // What the cashier is shown: the debt per line; pays it (or 500 ₽ when nothing is owed).
    const { lines } = debtLines(db, accountId)
    if (lines.length === 0) continue
    const amounts: number[] = lines.map((l) => l.debt)
    // Nothing owed, or more than one payment may take: 500 ₽ on the first line.
    const owed = amounts.reduce((a, b) => a + b, 0)
    if (owed === 0 || owed > maxAmount)
      amounts.splice(0, amounts.length, 50_000, ...amounts.slice(1).map(() => 0))
    const total = amounts.reduce((a, b) => a + b, 0)
    now = new Date(now.getTime() + 1000)
    const started = performance.now()
    const result = executeCommand(
      db,
      recordPayment,
      {
        accountId,
        lines: lines.map((l, i) => ({
          supplierId: l.supplierId,
          service: l.service,
          amount: amounts[i]!,
        })),
        method: 'cash',
        cashGiven: Math.ceil(total / 100_000) * 100_000,
        timeZone,
      },
      actor(),
    )
    times.push(performance.now() - started)
    paid.push(result.paymentId)
  }
  executeCommand(db, closeShift, { countedCash: 0 }, actor())

  // Receipt to PDF: the browser is started once (as the web host does), then each receipt timed.
  const folder = mkdtempSync(join(tmpdir(), 'energo-bench-pdf-'))
  const printer = chromiumPdfPrinter(folder)
  const pdfTimes: number[] = []
  try {
    for (let i = 0; i <= pdfs; i++) {
      const paymentId = paid[i * Math.floor(paid.length / (pdfs + 1))]!
      const started = performance.now()
      const model = receiptModel(db, paymentId, 'payment', timeZone)
      await printer.print({
        html: renderReceiptHtml(model, '80mm'),
        name: model.receiptNumber,
        layout: '80mm',
        printer: '',
      })
      // The first one includes starting Chromium.
      if (i > 0) pdfTimes.push(performance.now() - started)
    }
  } finally {
    await printer.close()
    rmSync(folder, { recursive: true, force: true })
  }

  times.sort((a, b) => a - b)
  pdfTimes.sort((a, b) => a - b)
  console.log(
    `Платежи: ${times.length}; p50 ${round(percentile(times, 50))} мс, p95 ${round(percentile(times, 95))} мс, ` +
      `max ${round(times.at(-1) ?? 0)} мс; квитанция в PDF: медиана ${round(percentile(pdfTimes, 50))} мс`,
  )
  console.log(
    JSON.stringify({
      bench: 'payments',
      accounts,
      p50_ms: round(percentile(times, 50)),
      p95_ms: round(percentile(times, 95)),
      receipt_pdf_ms: round(percentile(pdfTimes, 50)),
    }),
  )
  db.$client.close()
}
