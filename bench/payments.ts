/**
 * `npm run bench -- payments --accounts N`: 10,000 cash payments at the counter, each with the
 * open-debt proposal, allocation, receipt number, outbox entry and audit, timed one by one on an
 * N-account replica with 24 months of history, each followed by its raw limit: the same payment,
 * lines, outbox row and audit row written by bare prepared statements in one IMMEDIATE
 * transaction on the same file with the same pragmas; then the time to turn a receipt into a PDF
 * with Chromium.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Statement } from 'better-sqlite3'
import { uuidv7 } from 'uuidv7'
import { renderReceiptHtml } from '../src-shared/documents/receipt-html'
import { executeCommand } from '../src-main/commands/command'
import { chromiumPdfPrinter } from '../src-main/webhost/chromium-pdf-printer'
import { debtLines } from '../src-main/payments/proposal'
import { receiptModel } from '../src-main/payments/receipt'
import { recordPayment } from '../src-main/payments/record-payment'
import { closeShift, openShift } from '../src-main/shifts/shift-commands'
import { openShiftOf, shiftById, shiftReport } from '../src-main/shifts/shifts'
import { currentDevice } from '../src-main/workstation/device'
import { readSetting } from '../src-main/settings/settings'
import type { Db } from '../src-main/db/connection'
import { benchCounts } from './options'
import { demoReplicaCopy } from './replica-cache'
import { insertEveryColumn, rawCommandWriter, type RawRows } from './raw-write'
import { CpuTime, ratio, Timings } from './timings'

const today = '2026-11-20'
const timeZone = 'Europe/Moscow'

type Row = Record<string, unknown>

/** The bare write of a recorded payment's rows, its outbox row and its audit row. */
function rawWriter(db: Db) {
  const sqlite = db.$client
  const raw = rawCommandWriter(sqlite)
  const insert = {
    payment: insertEveryColumn(sqlite, 'payments'),
    line: insertEveryColumn(sqlite, 'payment_lines'),
  }
  const saved = {
    payment: sqlite.prepare('SELECT * FROM payments WHERE id = ?'),
    lines: sqlite.prepare('SELECT * FROM payment_lines WHERE payment_id = ?'),
  }
  return {
    /** Copies of what the app just saved (new ids and receipt number), ready to write. */
    copyOf(paymentId: string): RawRows {
      const payment = saved.payment.get(paymentId) as Row
      const id = uuidv7()
      return raw.copyWith([
        [insert.payment, { ...payment, id, receipt_number: `${String(payment.receipt_number)}R` }],
        ...(saved.lines.all(paymentId) as Row[]).map((l): [Statement, Row] => [
          insert.line,
          { ...l, id: uuidv7(), payment_id: id },
        ]),
      ])
    },
    write: raw.write,
  }
}

export async function run(args: string[]): Promise<void> {
  const { accounts, months, payments, pdfs } = benchCounts(args, {
    accounts: 100_000,
    months: 24,
    payments: 10_000,
    /** Receipts printed to PDF after the payments (0: none). */
    pdfs: 20,
  })
  const { db } = demoReplicaCopy({ accounts, months, today })
  const ids = db.$client
    .prepare(`SELECT id FROM accounts WHERE rowid % ? = 0 LIMIT ?`)
    .pluck()
    .all(Math.max(1, Math.floor(accounts / payments)), payments) as string[]
  let now = new Date(`${today}T09:00:00+03:00`)
  const maxAmount = readSetting(db, 'paymentMaxAmount', today)
  const actor = () => ({ operatorId: null, now })
  // A run stopped half-way leaves its shift open in the cached replica.
  const left = openShiftOf(db, currentDevice(db).workstationId, now)
  if (left)
    executeCommand(
      db,
      closeShift,
      { countedCash: shiftReport(db, shiftById(db, left.id)!).expectedCash },
      actor(),
    )
  executeCommand(db, openShift, { openingCash: 0 }, actor())

  const raw = rawWriter(db)
  const times = new Timings()
  const rawTimes = new Timings()
  const saveCpu = new CpuTime()
  const rawCpu = new CpuTime()
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
    saveCpu.start()
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
    times.add(performance.now() - started)
    saveCpu.stop()
    paid.push(result.paymentId)
    rawTimes.add(raw.write(raw.copyOf(result.paymentId), rawCpu))
  }
  // The drawer holds what the shift took: closed without a difference.
  const open = openShiftOf(db, currentDevice(db).workstationId, now)!
  const expected = shiftReport(db, shiftById(db, open.id)!).expectedCash
  executeCommand(db, closeShift, { countedCash: expected }, actor())

  // Receipt to PDF: the browser is started once (as the web host does), then each receipt timed.
  const pdfTimes = new Timings()
  if (pdfs > 0) {
    const folder = mkdtempSync(join(tmpdir(), 'energo-bench-pdf-'))
    const printer = chromiumPdfPrinter(folder)
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
        if (i > 0) pdfTimes.add(performance.now() - started)
      }
    } finally {
      await printer.close()
      rmSync(folder, { recursive: true, force: true })
    }
  }

  const summary = {
    bench: 'payments',
    accounts,
    months,
    p50_ms: times.percentile(50),
    p95_ms: times.percentile(95),
    raw_p50_ms: rawTimes.percentile(50),
    raw_p95_ms: rawTimes.percentile(95),
    p95_over_raw: ratio(times.percentile(95), rawTimes.percentile(95)),
    cpu_ms: saveCpu.meanMs,
    raw_cpu_ms: rawCpu.meanMs,
    receipt_pdf_ms: pdfs > 0 ? pdfTimes.percentile(50) : null,
  }
  console.log(
    `Платежи: ${times.count}; p50 ${summary.p50_ms} мс, p95 ${summary.p95_ms} мс, max ${times.max} мс; ` +
      `голая запись SQLite p95 ${summary.raw_p95_ms} мс (x${summary.p95_over_raw}); ` +
      `квитанция в PDF: медиана ${summary.receipt_pdf_ms} мс`,
  )
  console.log(JSON.stringify(summary))
  db.$client.close()
}
