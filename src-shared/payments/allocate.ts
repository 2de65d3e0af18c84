import type { Service } from '../accounts/domain'
import { assertKopecks } from '../money/kopecks'

/** What an account still owes for one period of one supplier's service, in kopecks (> 0). */
export interface DebtPeriod {
  period: string
  amount: number
}

/**
 * One payable line: a supplier's service with its open periods. A line with no open periods
 * is still listed, so the payer can pay it in advance.
 */
export interface OpenDebt {
  supplierId: string
  service: Service
  periods: readonly DebtPeriod[]
}

export interface AllocatedLine {
  supplierId: string
  service: Service
  /** The line's whole open debt. */
  debt: number
  /** What the payment puts on this line. */
  amount: number
  /** The periods this line's amount settles, oldest first. */
  settled: DebtPeriod[]
  /** The part of the amount above the line's debt. */
  advance: number
}

export interface Allocation {
  lines: AllocatedLine[]
  total: number
  debt: number
  advance: number
}

export type AllocationErrorCode = 'not_integer' | 'negative' | 'not_positive' | 'no_lines'

export interface AllocationError {
  /** Index of the offending line, or null for the payment as a whole. */
  line: number | null
  code: AllocationErrorCode
  message: string
}

export type AllocationResult =
  { ok: true; allocation: Allocation } | { ok: false; errors: AllocationError[] }

const notInteger = 'Сумма указана неверно: не больше двух знаков после запятой'

const periodShape = /^\d{4}-(0[1-9]|1[0-2])$/

/** The debt's periods, checked and sorted oldest first (ties keep their order). */
function periodsOf(debt: OpenDebt): DebtPeriod[] {
  for (const p of debt.periods) {
    if (!periodShape.test(p.period)) throw new Error(`period is not YYYY-MM: ${p.period}`)
    assertKopecks(p.amount, 'debt')
    if (p.amount <= 0) throw new Error(`an open debt must be positive: ${p.amount}`)
  }
  return [...debt.periods].sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0))
}

function debtOf(debt: OpenDebt): number {
  return periodsOf(debt).reduce((sum, p) => sum + p.amount, 0)
}

/**
 * The line that takes an advance when the payer hands over more than the whole debt:
 * the first electricity line (the retailer's own service), else the first line.
 */
export function advanceLineIndex(debts: readonly OpenDebt[]): number {
  if (debts.length === 0) throw new Error('no lines to put an advance on')
  const electricity = debts.findIndex((d) => d.service === 'electricity')
  return electricity >= 0 ? electricity : 0
}

/** Spreads a line's amount over its periods, oldest first; the rest is the line's advance. */
function lineFor(debt: OpenDebt, amount: number): AllocatedLine {
  const settled: DebtPeriod[] = []
  let left = amount
  let total = 0
  for (const p of periodsOf(debt)) {
    total += p.amount
    const part = Math.min(left, p.amount)
    if (part > 0) settled.push({ period: p.period, amount: part })
    left -= part
  }
  return {
    supplierId: debt.supplierId,
    service: debt.service,
    debt: total,
    amount,
    settled,
    advance: left,
  }
}

function summed(lines: AllocatedLine[]): Allocation {
  return {
    lines,
    total: lines.reduce((s, l) => s + l.amount, 0),
    debt: lines.reduce((s, l) => s + l.debt, 0),
    advance: lines.reduce((s, l) => s + l.advance, 0),
  }
}

/** What the payment screen proposes first: every line's whole debt. */
export function proposeLines(debts: readonly OpenDebt[]): Allocation {
  return summed(debts.map((d) => lineFor(d, debtOf(d))))
}

/**
 * A total handed over, spread over the lines: the oldest periods first across all lines
 * (lines owing for the same period are served in their order); what is left above the whole
 * debt is an advance on `advanceTo` (by default {@link advanceLineIndex}).
 */
export function allocateTotal(
  debts: readonly OpenDebt[],
  total: number,
  advanceTo: number = debts.length > 0 ? advanceLineIndex(debts) : 0,
): AllocationResult {
  if (debts.length === 0)
    return failed(null, 'no_lines', 'У лицевого счета нет услуг, на которые можно принять оплату')
  if (!Number.isSafeInteger(total)) return failed(null, 'not_integer', notInteger)
  if (total <= 0) return failed(null, 'not_positive', 'Сумма должна быть больше нуля')
  if (!Number.isInteger(advanceTo) || advanceTo < 0 || advanceTo >= debts.length)
    throw new Error(`advance line out of range: ${advanceTo}`)

  const queue = debts
    .flatMap((d, line) => periodsOf(d).map((p) => ({ line, period: p.period, amount: p.amount })))
    // Array sort is stable: lines keep their order within one period.
    .sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0))
  const amounts = debts.map(() => 0)
  let left = total
  for (const item of queue) {
    if (left === 0) break
    const part = Math.min(left, item.amount)
    amounts[item.line] = (amounts[item.line] as number) + part
    left -= part
  }
  amounts[advanceTo] = (amounts[advanceTo] as number) + left
  return { ok: true, allocation: summed(debts.map((d, i) => lineFor(d, amounts[i] as number))) }
}

/**
 * Amounts the cashier typed per line (same order as `debts`): each settles its own line's
 * periods oldest first, and what exceeds that line's debt is its advance.
 */
export function allocateLines(
  debts: readonly OpenDebt[],
  amounts: readonly number[],
): AllocationResult {
  if (amounts.length !== debts.length)
    throw new Error(`${amounts.length} amounts for ${debts.length} lines`)
  const errors: AllocationError[] = []
  amounts.forEach((amount, line) => {
    if (!Number.isSafeInteger(amount)) errors.push(error(line, 'not_integer', notInteger))
    else if (amount < 0)
      errors.push(error(line, 'negative', 'Сумма по услуге не может быть отрицательной'))
  })
  if (errors.length > 0) return { ok: false, errors }
  if (!amounts.some((a) => a > 0))
    return failed(null, 'not_positive', 'Введите сумму хотя бы по одной услуге')
  return { ok: true, allocation: summed(debts.map((d, i) => lineFor(d, amounts[i] as number))) }
}

function error(line: number | null, code: AllocationErrorCode, message: string): AllocationError {
  return { line, code, message }
}

function failed(line: number | null, code: AllocationErrorCode, message: string): AllocationResult {
  return { ok: false, errors: [error(line, code, message)] }
}
