import { amountInWords } from '../money/amount-in-words'
import { formatRub } from '../money/format'
import { serviceNames } from './labels'
import { balanceOf, debtEffect, inDateOrder, type Balance, type LedgerEntry } from './ledger'

export interface DocumentParty {
  /** The account holder. */
  customer: string
  accountNumber: string
  address: string
}

export interface ReconciliationInput extends DocumentParty {
  /** The company that issues the statement (the retailer). */
  companyName: string
  /** YYYY-MM-DD, inclusive. */
  from: string
  to: string
  /** The service chosen, or null for all of the account's services. */
  serviceName: string | null
  /** Every entry of the account (or of the chosen service) through `to`; earlier ones open the balance. */
  entries: readonly LedgerEntry[]
  /** Formats a YYYY-MM-DD date as printed. */
  formatDate?: (date: string) => string
}

export interface ReconciliationRow {
  date: string
  dateText: string
  what: string
  serviceName: string
  supplierName: string
  debit: number
  credit: number
  debitText: string
  creditText: string
  balance: number
  balanceText: string
}

export interface SupplierClosing {
  supplierName: string
  balance: number
  balanceText: string
  /** «Задолженность в пользу ... составляет ...», «Переплата ...» or «Задолженность отсутствует». */
  wording: string
}

export interface ReconciliationModel extends DocumentParty {
  title: string
  companyName: string
  periodText: string
  serviceName: string
  opening: Balance
  openingTexts: { principal: string; penalties: string; total: string }
  rows: ReconciliationRow[]
  debitTurnover: number
  creditTurnover: number
  debitTurnoverText: string
  creditTurnoverText: string
  closing: number
  closingText: string
  closingBySupplier: SupplierClosing[]
  /** The whole closing balance in words. */
  closingWording: string
  suppliers: string[]
}

export function ruDate(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (!m) throw new Error(`not a date: ${date}`)
  return `${m[3]}.${m[2]}.${m[1]}`
}

const monthNames = [
  'январь',
  'февраль',
  'март',
  'апрель',
  'май',
  'июнь',
  'июль',
  'август',
  'сентябрь',
  'октябрь',
  'ноябрь',
  'декабрь',
]

/** "ноябрь 2026" from "2026-11". */
export function periodName(period: string): string {
  const [y, m] = period.split('-').map(Number) as [number, number]
  return `${monthNames[m - 1]} ${y}`
}

function describe(e: LedgerEntry): string {
  const period = e.period ? ` за ${periodName(e.period)}` : ''
  switch (e.kind) {
    case 'opening':
      return 'Входящий остаток'
    case 'charge': {
      const volume = e.volume ? `, ${e.volume.replace('.', ',')} ${e.unit ?? ''}`.trimEnd() : ''
      const rate = e.rateText ? ` × ${e.rateText}` : ''
      return `Начислено${period}${volume}${rate}`
    }
    case 'recalculation':
      return `Перерасчет${period}`
    case 'penalty':
      return `Пени${period}`
    case 'payment':
      return `Оплата${e.channel ? ` (${e.channel})` : ''}${e.receiptNumber ? `, квитанция № ${e.receiptNumber}` : ''}`
    case 'cancellation':
      return `Отмена оплаты${e.receiptNumber ? `, квитанция № ${e.receiptNumber}` : ''}`
  }
}

/** The closing balance as the statement words it, in figures and words. */
export function closingWording(balance: number, creditor: string): string {
  if (balance === 0) return 'Задолженность отсутствует.'
  const text = `${formatRub(Math.abs(balance))} (${amountInWords(Math.abs(balance))})`
  return balance > 0
    ? `Задолженность в пользу ${creditor} составляет ${text}.`
    : `Переплата составляет ${text}.`
}

/**
 * The reconciliation statement (акт сверки): the balance at the start, principal and penalties
 * apart; every entry of the range in date order with the balance after it; the turnovers; the
 * closing balance per supplier and in all, in figures and words.
 */
export function buildReconciliation(input: ReconciliationInput): ReconciliationModel {
  if (input.from > input.to) throw new Error(`reconciliation: ${input.from} is after ${input.to}`)
  const fmt = input.formatDate ?? ruDate
  const ordered = inDateOrder(input.entries.filter((e) => e.date <= input.to))
  const before = ordered.filter((e) => e.date < input.from)
  const within = ordered.filter((e) => e.date >= input.from)
  const opening = balanceOf(before)
  let running = opening.total
  let debitTurnover = 0
  let creditTurnover = 0
  const rows = within.map((e): ReconciliationRow => {
    const effect = debtEffect(e)
    // A payment is a credit, its cancellation a negative credit: the turnovers stay honest.
    const isMoney = e.kind === 'payment' || e.kind === 'cancellation'
    const debit = isMoney ? 0 : effect
    const credit = isMoney ? -effect : 0
    debitTurnover += debit
    creditTurnover += credit
    running += effect
    return {
      date: e.date,
      dateText: fmt(e.date),
      what: describe(e),
      serviceName: serviceNames[e.service],
      supplierName: e.supplierName,
      debit,
      credit,
      debitText: debit === 0 ? '' : formatRub(debit),
      creditText: credit === 0 ? '' : formatRub(credit),
      balance: running,
      balanceText: formatRub(running),
    }
  })
  const suppliers = [...new Set(ordered.map((e) => e.supplierName))].sort()
  const closingBySupplier = suppliers.map((name): SupplierClosing => {
    const balance = ordered
      .filter((e) => e.supplierName === name)
      .reduce((s, e) => s + debtEffect(e), 0)
    return {
      supplierName: name,
      balance,
      balanceText: formatRub(balance),
      wording: closingWording(balance, name),
    }
  })
  const creditor = suppliers.length === 1 ? suppliers[0]! : input.companyName
  return {
    title: 'Акт сверки взаимных расчетов',
    companyName: input.companyName,
    customer: input.customer,
    accountNumber: input.accountNumber,
    address: input.address,
    periodText: `с ${fmt(input.from)} по ${fmt(input.to)}`,
    serviceName: input.serviceName ?? 'все услуги',
    opening,
    openingTexts: {
      principal: formatRub(opening.principal),
      penalties: formatRub(opening.penalties),
      total: formatRub(opening.total),
    },
    rows,
    debitTurnover,
    creditTurnover,
    debitTurnoverText: formatRub(debitTurnover),
    creditTurnoverText: formatRub(creditTurnover),
    closing: running,
    closingText: formatRub(running),
    closingBySupplier,
    closingWording: closingWording(running, creditor),
    suppliers,
  }
}
