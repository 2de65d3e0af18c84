import type { z } from 'zod'

/*
 * The one map from a schema issue to the Russian words a clerk reads after the field's name.
 * Schemas that say something better pass their own message; everything else lands here, so no
 * zod wording (its English or its half-Russian «ожидалось string») ever reaches a screen.
 */

const numbers = new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 5 })

function count(n: number, one: string, few: string, many: string): string {
  const tens = n % 100
  const units = n % 10
  const word =
    tens >= 11 && tens <= 14 ? many : units === 1 ? one : units >= 2 && units <= 4 ? few : many
  return `${numbers.format(n)} ${word}`
}

const typeWords: Record<string, string> = {
  string: 'нужен текст',
  number: 'нужно число',
  int: 'нужно целое число',
  bigint: 'нужно целое число',
  boolean: 'нужно «да» или «нет»',
  array: 'нужен список',
  date: 'нужна дата',
}

const formatWords: Record<string, string> = {
  email: 'адрес вида имя@домен.ru',
  date: 'дата в виде ГГГГ-ММ-ДД',
  datetime: 'неверные дата и время',
  url: 'неверный адрес',
}

type Issue = z.core.$ZodRawIssue

function tooSmall(issue: Extract<Issue, { code: 'too_small' }>): string {
  const min = Number(issue.minimum)
  if (issue.origin === 'string') {
    return min <= 1 ? 'не заполнено' : `не короче ${count(min, 'символа', 'символов', 'символов')}`
  }
  if (issue.origin === 'array' || issue.origin === 'set') {
    return min <= 1
      ? 'нужно хотя бы одно значение'
      : `не меньше ${count(min, 'строки', 'строк', 'строк')}`
  }
  return issue.inclusive === false
    ? `больше ${numbers.format(min)}`
    : `не меньше ${numbers.format(min)}`
}

function tooBig(issue: Extract<Issue, { code: 'too_big' }>): string {
  const max = Number(issue.maximum)
  if (issue.origin === 'string')
    return `не длиннее ${count(max, 'символа', 'символов', 'символов')}`
  if (issue.origin === 'array' || issue.origin === 'set')
    return `не больше ${count(max, 'строки', 'строк', 'строк')}`
  return issue.inclusive === false
    ? `меньше ${numbers.format(max)}`
    : `не больше ${numbers.format(max)}`
}

/** The Russian words for an issue a schema gave no message of its own. */
export function issueMessage(issue: Issue): string {
  if (issue.input === undefined || issue.input === null) {
    if (issue.code === 'invalid_type' || issue.code === 'invalid_value') return 'не заполнено'
  }
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'number' && typeof issue.input === 'number')
        return 'нужно конечное число'
      return typeWords[issue.expected] ?? 'неверное значение'
    case 'too_small':
      return tooSmall(issue)
    case 'too_big':
      return tooBig(issue)
    case 'invalid_format':
      return formatWords[issue.format] ?? 'неверный формат'
    case 'not_multiple_of':
      return 'неверное значение'
    case 'invalid_value':
      return 'выберите из списка'
    case 'unrecognized_keys':
      return 'лишние данные в запросе'
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
    case 'custom':
    default:
      return 'неверное значение'
  }
}
