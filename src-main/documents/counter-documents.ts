import { billingLawOf, billingSettingKeys } from '../../src-shared/billing/law-rows'
import { dueDateOf, type PenaltyPayment, type PeriodDebt } from '../../src-shared/billing/penalties'
import { buildBill } from '../../src-shared/documents/bill'
import { renderBillHtml } from '../../src-shared/documents/bill-html'
import { buildCertificate } from '../../src-shared/documents/certificate'
import { renderCertificateHtml } from '../../src-shared/documents/certificate-html'
import type { CounterDocumentRequest } from '../../src-shared/documents/contract'
import { serviceNames } from '../../src-shared/documents/labels'
import type { LedgerEntry } from '../../src-shared/documents/ledger'
import { buildPenaltySheet } from '../../src-shared/documents/penalty-sheet'
import {
  renderPenaltySheetHtml,
  type PenaltySheetSection,
} from '../../src-shared/documents/penalty-sheet-html'
import { buildReconciliation } from '../../src-shared/documents/reconciliation'
import { renderReconciliationHtml } from '../../src-shared/documents/reconciliation-html'
import type { Db } from '../db/connection'
import { prepared } from '../db/prepared'
import { readSetting } from '../settings/settings'
import { billInputOf } from './bill-data'
import { accountLedger } from './ledger'
import { documentAccount } from './party'

export interface BuiltDocument {
  title: string
  /** The file name stem when saved as PDF. */
  name: string
  html: string
}

/** The company that issues statements: the receipt company setting, else the electricity supplier. */
function companyName(db: Db, entries: readonly LedgerEntry[], date: string): string {
  const configured = readSetting(db, 'receiptCompany', date)
  if (configured) return configured.name
  return (
    entries.find((e) => e.service === 'electricity')?.supplierName ??
    entries[0]?.supplierName ??
    '—'
  )
}

function penaltySections(
  db: Db,
  entries: readonly LedgerEntry[],
  calcDate: string,
): PenaltySheetSection[] {
  const rows = prepared(
    db.$client,
    `SELECT key, valid_from AS validFrom, value FROM settings
      WHERE key IN (${billingSettingKeys.map(() => '?').join(', ')})`,
  ).all(...billingSettingKeys) as { key: string; validFrom: string; value: string }[]
  const law = billingLawOf(rows)
  // Payments cancelled later count as never made, as billing replays them.
  const cancelled = new Set(
    entries.filter((e) => e.kind === 'cancellation').map((e) => e.receiptNumber),
  )
  const keys = [...new Set(entries.map((e) => `${e.supplierId}\u0000${e.service}`))]
  return keys.map((key) => {
    const mine = entries.filter((e) => `${e.supplierId}\u0000${e.service}` === key)
    const byPeriod = new Map<string, number>()
    const debts: PeriodDebt[] = []
    const payments: PenaltyPayment[] = []
    for (const e of mine) {
      if (e.kind === 'opening')
        debts.push({ period: e.date.slice(0, 7), dueDate: e.date, amount: e.amount })
      else if ((e.kind === 'charge' || e.kind === 'recalculation') && e.period)
        byPeriod.set(e.period, (byPeriod.get(e.period) ?? 0) + e.amount)
      else if (e.kind === 'payment' && !(e.receiptNumber && cancelled.has(e.receiptNumber)))
        payments.push({ date: e.date, amount: e.amount })
    }
    for (const [period, amount] of byPeriod)
      debts.push({ period, dueDate: dueDateOf(period, law.dueDays), amount })
    return {
      supplierName: mine[0]!.supplierName,
      serviceName: serviceNames[mine[0]!.service],
      sheet: buildPenaltySheet(debts, payments, calcDate, law.penalty),
    }
  })
}

/** One document from the card, built from the replica and rendered to its HTML page. */
export function counterDocument(
  db: Db,
  request: CounterDocumentRequest,
  opts: { timeZone: string; today: string },
): BuiltDocument {
  const account = documentAccount(db, request.accountId)
  const party = {
    customer: account.holderName,
    accountNumber: account.accountNumber,
    address: account.address,
  }
  if (request.kind === 'bill') {
    // Printed at the counter, a bill is a second copy of the one the period close issued.
    const model = buildBill(
      billInputOf(db, request.accountId, request.period!, opts.timeZone, true),
    )
    return {
      title: model.title,
      name: `ЕПД_${model.documentNumber}`,
      html: renderBillHtml(model),
    }
  }
  const all = accountLedger(db, request.accountId, opts.timeZone)
  if (request.kind === 'reconciliation') {
    const entries = request.service ? all.filter((e) => e.service === request.service) : all
    const model = buildReconciliation({
      ...party,
      companyName: companyName(db, all, request.to!),
      from: request.from!,
      to: request.to!,
      serviceName: request.service ? serviceNames[request.service] : null,
      entries,
    })
    return {
      title: `${model.title} ${model.periodText}`,
      name: `Акт_сверки_${account.accountNumber}_${request.from}_${request.to}`,
      html: renderReconciliationHtml(model),
    }
  }
  const date = request.date ?? opts.today
  if (request.kind === 'certificate') {
    const model = buildCertificate({
      ...party,
      companyName: companyName(db, all, date),
      date,
      number: `${account.accountNumber}-${date.replaceAll('-', '')}`,
      entries: all,
    })
    return {
      title: model.title,
      name: `Справка_${model.number}`,
      html: renderCertificateHtml(model),
    }
  }
  const html = renderPenaltySheetHtml({
    ...party,
    companyName: companyName(db, all, date),
    calcDate: date,
    sections: penaltySections(
      db,
      all.filter((e) => e.date <= date),
      date,
    ),
  })
  return { title: 'Расчет пеней', name: `Расчет_пеней_${account.accountNumber}_${date}`, html }
}
