// The Russian wording of one zone's issues, in one place: short, naming the zone ('T1 (день)'),
// saying what to check and who may accept.
import { formatDateRu } from './calendar'
import { issue, type ReadingIssue } from './issues'
import type { BandPosition } from './plausibility'
import type { DatedValue } from './register'

const ask = 'Переспросите показание; если оно верно, укажите причину'
const escalate = 'принять может только старший смены, или закажите контрольное снятие'

export function lowerThanPrevious(
  label: string,
  raw: string,
  previous: DatedValue,
  looksLikeConsumption: boolean,
): ReadingIssue {
  const head = `${label}: ${raw.trim()} меньше предыдущего показания ${previous.value} от ${formatDateRu(previous.date)}`
  return issue(
    'lower_than_previous',
    looksLikeConsumption
      ? `${head}. Проверьте: похоже, назван расход, а не показание счетчика`
      : `${head}. Проверьте: опечатка или замена счетчика не оформлена`,
  )
}

export function rollover(
  label: string,
  previous: number,
  raw: string,
  consumption: number,
): ReadingIssue {
  return issue(
    'rollover',
    `${label}: счетчик перешел через ноль (${previous} → ${raw.trim()}), расход ${consumption}. ` +
      'Подтвердите с клиентом',
  )
}

export function zeroConsumption(label: string): ReadingIssue {
  return issue(
    'zero_consumption',
    `${label}: расход 0, а на счете есть проживающие. Уточните причину (никто не жил, ` +
      'счетчик не работает?)',
  )
}

/** A fraction typed on the previous reading's integer: consumption 0 is the billing rule, not a flag. */
export function fractionNotBilled(label: string, raw: string, previous: number): ReadingIssue {
  return issue(
    'fraction_not_billed',
    `${label}: ${raw.trim()} — дробная часть в расчет не идет, целая часть равна предыдущему ` +
      `показанию ${previous}: расход за период 0`,
  )
}

/** `hint` follows "Проверьте показание" on the high errors (see fractionHint). */
export function band(
  position: Exclude<BandPosition, 'within'>,
  label: string,
  consumption: number,
  expected: number,
  hint: string,
): ReadingIssue {
  const head = `${label}: расход ${consumption}`
  const usual = `(около ${expected})`
  switch (position) {
    case 'above_warning':
      return issue('above_warning_band', `${head} больше обычного ${usual}. ${ask}`)
    case 'below_warning':
      return issue('below_warning_band', `${head} меньше обычного ${usual}. ${ask}`)
    case 'above_error':
      return issue(
        'above_error_band',
        `${head} намного больше обычного ${usual}. Проверьте показание${hint}; ${escalate}`,
      )
    case 'below_error':
      return issue(
        'below_error_band',
        `${head} намного меньше обычного ${usual}. Проверьте показание; ${escalate}`,
      )
  }
}

export function aboveCeiling(
  label: string,
  consumption: number,
  days: number,
  hint: string,
): ReadingIssue {
  return issue(
    'above_no_history_ceiling',
    `${label}: расход ${consumption} за ${days} дн. — слишком много, а среднего для сравнения ` +
      `нет. Проверьте показание${hint}; ${escalate}`,
  )
}

/** The typical mistake of the seed manual: 46801 typed for 4680,1. */
export function fractionHint(meant: string): string {
  return `: возможно, цифры после запятой введены как целые (${meant})`
}
