const rub = new Intl.NumberFormat('ru-RU', { style: 'currency', currency: 'RUB' })

/** Kopecks (integer) as roubles, e.g. 123456 → "1 234,56 ₽". Display only: never compute with it. */
export function formatMoney(kopecks: number): string {
  return rub.format(kopecks / 100)
}

export type BalanceState = 'debt' | 'overpayment' | 'settled'

/** Positive balance = the customer owes. */
export function balanceState(kopecks: number): BalanceState {
  if (kopecks > 0) return 'debt'
  if (kopecks < 0) return 'overpayment'
  return 'settled'
}
