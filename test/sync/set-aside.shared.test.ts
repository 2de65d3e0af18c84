import { describe, expect, it } from 'vitest'
import { setAsideKind, setAsideReason } from '../../src-shared/sync/set-aside'
import { VERIFY_EVERY_MS, verifyDue } from '../../src-shared/sync/verify-schedule'

describe('what the sync screen says of a set-aside row', () => {
  it.each([
    ['payment_cancellations.payment_id', 'На сервере этот платеж уже отменен другой отменой.'],
    ['payment_cancellations.receipt_number', 'На сервере этот номер чека уже у другой отмены.'],
    ['payments.receipt_number', 'На сервере этот номер чека уже у другого платежа.'],
    ['reading_deletions.reading_id', 'На сервере это показание уже удалено другим удалением.'],
    ['refused_at_once', 'Сервер сразу отклонил отмену: деньги не выдавались.'],
    ['meters.serial', 'На сервере уже есть другая запись с тем же значением (meters.serial).'],
  ])('%s: %s', (constraint, reason) => {
    expect(setAsideReason(constraint)).toBe(reason)
  })

  it.each([
    ['payment_cancellations', 'Отмена платежа'],
    ['payments', 'Платеж'],
    ['reading_deletions', 'Удаление показания'],
    ['charges', 'charges'],
  ])('%s is called %s', (table, kind) => {
    expect(setAsideKind(table)).toBe(kind)
  })
})

describe('when verify is due', () => {
  const now = new Date('2026-11-20T12:00:00.000Z')
  const ago = (ms: number) => new Date(now.getTime() - ms).toISOString()
  it.each([
    ['never verified, or a rejection cleared the mark', null, true],
    ['verified a minute ago', ago(60_000), false],
    ['verified just under a day ago', ago(VERIFY_EVERY_MS - 1), false],
    ['verified a day ago', ago(VERIFY_EVERY_MS), true],
    ['a mark from the future (clock moved back)', ago(-3_600_000), true],
    ['an unreadable mark', 'вчера', true],
  ])('%s: %s', (_case, verifiedAt, due) => {
    expect(verifyDue(verifiedAt, now)).toBe(due)
  })
})
