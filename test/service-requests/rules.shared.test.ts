import { describe, expect, it } from 'vitest'
import {
  appealDueOn,
  appealFlag,
  canMoveAppeal,
  type AppealStatus,
} from '../../src-shared/appeals/domain'
import { registerAppealSchema } from '../../src-shared/appeals/schemas'
import { validate } from '../../src-shared/api/validation'
import {
  attachmentKindOf,
  checkAttachment,
  checkAttachments,
} from '../../src-shared/attachments/content'
import {
  callBackDueAt,
  callBackOverdue,
  canMoveRequest,
  type ServiceRequestStatus,
} from '../../src-shared/service-requests/domain'
import { priceInForce, type PriceRow } from '../../src-shared/service-requests/price-list'
import { changeServiceRequestSchema } from '../../src-shared/service-requests/schemas'

const bytes = (...b: number[]) => new Uint8Array([...b, 0, 0, 0, 0, 0, 0, 0, 0])
const ascii = (s: string) => new Uint8Array([...Buffer.from(s), 0, 0, 0, 0])

describe('service request statuses', () => {
  it.each([
    ['new', 'scheduled', true],
    ['new', 'done', true],
    ['new', 'cancelled', true],
    ['scheduled', 'scheduled', true],
    ['scheduled', 'done', true],
    ['scheduled', 'cancelled', true],
    ['new', 'new', false],
    ['scheduled', 'new', false],
    ['done', 'cancelled', false],
    ['done', 'scheduled', false],
    ['cancelled', 'done', false],
    ['cancelled', 'scheduled', false],
  ] as const)('%s -> %s: %s', (from, to, allowed) => {
    expect(canMoveRequest(from as ServiceRequestStatus, to as ServiceRequestStatus)).toBe(allowed)
  })

  it.each([
    [{ status: 'scheduled' }, 'scheduledOn'],
    [{ status: 'scheduled', scheduledOn: '2026-12-10' }, 'timeWindow'],
    [{ status: 'scheduled', scheduledOn: '2026-12-10', timeWindow: '13:00-09:00' }, 'timeWindow'],
    [{ status: 'done' }, 'outcome'],
    [{ status: 'cancelled' }, 'reason'],
    [{ status: 'new' }, 'status'],
  ])('a change %j needs %s', (change, field) => {
    const parsed = validate(changeServiceRequestSchema, { requestId: 'r1', ...change })
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(Object.keys(parsed.error.fields ?? {})).toContain(field)
  })

  it('a complete schedule passes', () => {
    const parsed = validate(changeServiceRequestSchema, {
      requestId: 'r1',
      status: 'scheduled',
      scheduledOn: '2026-12-10',
      timeWindow: '09:00-13:00',
    })
    expect(parsed.ok).toBe(true)
  })
})

describe('the 72-hour call back', () => {
  it.each([
    // Friday evening: due Monday evening, the weekend counts.
    ['2026-12-04T15:30:00.000Z', 72, '2026-12-07T15:30:00.000Z'],
    // Saturday morning: due Tuesday morning.
    ['2026-12-05T06:00:00.000Z', 72, '2026-12-08T06:00:00.000Z'],
    // Across the year's end.
    ['2026-12-30T12:00:00.000Z', 72, '2027-01-02T12:00:00.000Z'],
    // A company that promises 48 hours (the dated setting).
    ['2026-12-04T15:30:00.000Z', 48, '2026-12-06T15:30:00.000Z'],
  ])('registered %s, %i hours: due %s', (registeredAt, hours, due) => {
    expect(callBackDueAt(registeredAt, hours)).toBe(due)
  })

  const friday = '2026-12-04T15:30:00.000Z'
  it.each([
    ['Monday just before', 'new', null, '2026-12-07T15:29:59.000Z', false],
    ['Monday just after', 'new', null, '2026-12-07T15:30:01.000Z', true],
    ['scheduled, still not called', 'scheduled', null, '2026-12-08T10:00:00.000Z', true],
    [
      'called back on Saturday',
      'new',
      '2026-12-05T09:00:00.000Z',
      '2026-12-10T10:00:00.000Z',
      false,
    ],
    ['called back late', 'new', '2026-12-08T09:00:00.000Z', '2026-12-10T10:00:00.000Z', false],
    ['done', 'done', null, '2026-12-10T10:00:00.000Z', false],
    ['cancelled', 'cancelled', null, '2026-12-10T10:00:00.000Z', false],
  ] as const)('%s: flagged %s', (_case, status, calledBackAt, now, flagged) => {
    expect(callBackOverdue({ status, registeredAt: friday, calledBackAt }, now, 72)).toBe(flagged)
  })
})

describe('the price list', () => {
  const rows: PriceRow[] = [
    { kind: 'sealing', validFrom: '2025-01-01', price: 120_000, supplierId: 's' },
    { kind: 'sealing', validFrom: '2026-07-01', price: 150_000, supplierId: 's' },
    { kind: 'control_reading', validFrom: '2025-01-01', price: 0, supplierId: 's' },
  ]
  it.each([
    ['sealing', '2026-06-30', 120_000],
    ['sealing', '2026-07-01', 150_000],
    ['control_reading', '2026-07-01', 0],
    ['sealing', '2024-12-31', null],
    ['technical_check', '2026-07-01', null],
  ] as const)('%s on %s: %s', (kind, date, price) => {
    expect(priceInForce(rows, kind, date)?.price ?? null).toBe(price)
  })
})

describe('appeals: 30 days and the flags', () => {
  it.each([
    ['2026-12-06', 30, '2027-01-05'],
    ['2026-01-31', 30, '2026-03-02'],
    ['2028-02-01', 30, '2028-03-02'],
    ['2026-12-06', 15, '2026-12-21'],
  ])('registered %s, %i days: due %s', (registered, days, due) => {
    expect(appealDueOn(registered, days)).toBe(due)
  })

  it.each([
    ['registered', '2026-12-20', '2026-12-06', null],
    ['registered', '2026-12-09', '2026-12-06', 'due_soon'],
    ['in_work', '2026-12-06', '2026-12-06', 'due_soon'],
    ['in_work', '2026-12-05', '2026-12-06', 'overdue'],
    // Registered 31 days ago with a 30-day answer: overdue by one day.
    ['registered', appealDueOn('2026-11-05', 30), '2026-12-06', 'overdue'],
    ['answered', '2026-12-01', '2026-12-06', null],
    ['closed', '2026-12-01', '2026-12-06', null],
  ] as const)('%s due %s, today %s: %s', (status, dueOn, today, flag) => {
    expect(appealFlag({ status, dueOn }, today, 3)).toBe(flag)
  })

  it.each([
    ['registered', 'in_work', true],
    ['registered', 'answered', true],
    ['in_work', 'answered', true],
    ['answered', 'closed', true],
    ['in_work', 'registered', false],
    ['answered', 'in_work', false],
    ['closed', 'in_work', false],
  ] as const)('%s -> %s: %s', (from, to, allowed) => {
    expect(canMoveAppeal(from as AppealStatus, to as AppealStatus)).toBe(allowed)
  })
})

describe('attachments are judged by content', () => {
  it.each([
    ['PDF', ascii('%PDF-1.7'), 'pdf'],
    ['JPG', bytes(0xff, 0xd8, 0xff, 0xe0), 'jpg'],
    ['PNG', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a), 'png'],
    ['TIF little-endian', bytes(0x49, 0x49, 0x2a, 0x00), 'tif'],
    ['TIF big-endian', bytes(0x4d, 0x4d, 0x00, 0x2a), 'tif'],
    ['EXE', ascii('MZ\x90\x00'), null],
    ['ZIP (docx)', bytes(0x50, 0x4b, 0x03, 0x04), null],
    ['GIF', ascii('GIF89a'), null],
    ['text saying PDF later', ascii(' %PDF-'), null],
    ['two bytes of a PNG', new Uint8Array([0x89, 0x50]), null],
  ] as const)('%s: %s', (_name, head, kind) => {
    expect(attachmentKindOf(head)).toBe(kind)
  })

  const png = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)
  it.each([
    ['a .pdf that is a PNG', { name: 'скан.pdf', size: 1000, head: png }, null],
    [
      'an .exe renamed .pdf',
      { name: 'счет.pdf', size: 1000, head: ascii('MZ\x90\x00') },
      'Файл «счет.pdf»: это не PDF, JPG, PNG или TIF (проверено по содержимому), прикрепить нельзя.',
    ],
    [
      'a 4.1 MB file',
      { name: 'фото.png', size: Math.round(4.1 * 1024 * 1024), head: png },
      'Файл «фото.png»: больше 4 МБ, прикрепить нельзя.',
    ],
    ['exactly 4 MB', { name: 'фото.png', size: 4 * 1024 * 1024, head: png }, null],
    [
      'an empty file',
      { name: 'пусто.pdf', size: 0, head: new Uint8Array() },
      'Файл «пусто.pdf»: пустой, прикрепить нельзя.',
    ],
  ])('%s', (_case, file, message) => {
    const checked = checkAttachment(file)
    expect(checked.ok ? null : checked.message).toBe(message)
  })

  it('six files are refused, five pass', () => {
    const file = (i: number) => ({ name: `${i}.png`, size: 10, head: png })
    expect(checkAttachments([1, 2, 3, 4, 5].map(file))).toBeNull()
    expect(checkAttachments([1, 2, 3, 4, 5, 6].map(file))).toBe(
      'Вложения: не больше 5 файлов к одному обращению.',
    )
    const ref = { sha256: 'a'.repeat(64), name: 'x.png', size: 10, kind: 'png' }
    const parsed = validate(registerAppealSchema, {
      accountId: 'a1',
      topic: 'other',
      text: 'текст',
      replyChannel: 'phone',
      replyAddress: '+79101234567',
      attachments: Array.from({ length: 6 }, () => ref),
    })
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.error.message).toMatch(/Вложения: не больше 5 файлов/)
  })
})
