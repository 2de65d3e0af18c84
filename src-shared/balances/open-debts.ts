import type { Service } from '../accounts/domain'
import type { OpenDebt } from '../payments/allocate'

/** A signed ledger movement of one supplier's service: + owed, - paid. */
export interface DebtMovement {
  supplierId: string
  service: Service
  /** YYYY-MM for charges and opening balances; null for payments and cancellations. */
  period: string | null
  amount: number
}

const keyOf = (m: { supplierId: string; service: Service }) => `${m.supplierId}\u0000${m.service}`

/**
 * The periods each line still owes, oldest first: what was paid (and negative recalculations)
 * settles the oldest charges first, as the payment allocation does. Every line of `lines` is
 * listed, owing or not, so the payer can pay it in advance.
 */
export function openDebts(
  lines: readonly { supplierId: string; service: Service }[],
  movements: readonly DebtMovement[],
): OpenDebt[] {
  const byLine = new Map<string, { byPeriod: Map<string, number>; credit: number }>()
  for (const m of movements) {
    if (!Number.isSafeInteger(m.amount)) throw new Error(`not integer kopecks: ${m.amount}`)
    let line = byLine.get(keyOf(m))
    if (!line) byLine.set(keyOf(m), (line = { byPeriod: new Map(), credit: 0 }))
    if (m.period === null) line.credit -= m.amount
    else line.byPeriod.set(m.period, (line.byPeriod.get(m.period) ?? 0) + m.amount)
  }
  return lines.map(({ supplierId, service }) => {
    const line = byLine.get(keyOf({ supplierId, service }))
    if (!line) return { supplierId, service, periods: [] }
    const periods = [...line.byPeriod].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    let credit = line.credit + periods.reduce((s, [, amount]) => s + Math.max(0, -amount), 0)
    const open = []
    for (const [period, amount] of periods) {
      if (amount <= 0) continue
      const settled = Math.max(0, Math.min(credit, amount))
      credit -= settled
      if (amount > settled) open.push({ period, amount: amount - settled })
    }
    return { supplierId, service, periods: open }
  })
}
