import { z } from 'zod'
import { labelled } from '../api/validation'

/** A money field of a channel: whole kopecks, never negative, its Russian label attached. */
export function kopecksField(label: string) {
  return labelled(
    label,
    z
      .number('введите сумму')
      .int('не больше двух знаков после запятой')
      .min(0, 'сумма не может быть отрицательной')
      .max(Number.MAX_SAFE_INTEGER),
  )
}
