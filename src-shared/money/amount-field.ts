import { z } from 'zod'
import { labelled } from '../api/validation'

/**
 * The most any amount a channel takes may be: 100 million roubles. Not a law value (the payment
 * limit of the day is the dated setting `paymentMaxAmount`): a bound on what can be typed at all,
 * so a stray 9e15 is refused before any sum or report carries it.
 */
export const maxKopecks = 10_000_000_000
const maxMessage = 'не больше 100 000 000 руб.'

/** Whole kopecks, never negative, within maxKopecks (no label: for settings and filters). */
export function kopecksValue() {
  return z
    .number('введите сумму')
    .int('не больше двух знаков после запятой')
    .min(0, 'сумма не может быть отрицательной')
    .max(maxKopecks, maxMessage)
}

/** A money field of a channel: whole kopecks, never negative, its Russian label attached. */
export function kopecksField(label: string) {
  return labelled(label, kopecksValue())
}
