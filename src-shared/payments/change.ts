import { formatRub } from '../money/format'
import { assertKopecks } from '../money/kopecks'

export type ChangeResult =
  { ok: true; change: number } | { ok: false; code: 'not_enough'; message: string }

/** The change to hand back for cash given against a total; less than the total is refused. */
export function cashChange(total: number, cashGiven: number): ChangeResult {
  assertKopecks(total, 'total')
  assertKopecks(cashGiven, 'cash given')
  if (total < 0) throw new Error(`total is negative: ${total}`)
  if (cashGiven < total) {
    return {
      ok: false,
      code: 'not_enough',
      message: `Внесено меньше суммы к оплате: не хватает ${formatRub(total - cashGiven)}`,
    }
  }
  return { ok: true, change: cashGiven - total }
}
