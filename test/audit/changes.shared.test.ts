import { describe, expect, it } from 'vitest'
import { auditChanges } from '../../src-shared/audit/changes'
import { officeDayEnd, officeDayStart } from '../../src-shared/audit/office-day'

describe('auditChanges', () => {
  it.each([
    ['no details', null, []],
    [
      'an edit: only the fields that changed, old -> new',
      { old: { name: 'Офис 1', phone: null }, new: { name: 'Офис 2', phone: null } },
      [{ field: 'name', old: 'Офис 1', new: 'Офис 2' }],
    ],
    [
      'a new record: its values, nested as dotted fields',
      { new: { number: '7700000001', holder: { lastName: 'Смирнов' } } },
      [
        { field: 'number', new: '7700000001' },
        { field: 'holder.lastName', new: 'Смирнов' },
      ],
    ],
    [
      'plain details',
      { receiptNumber: 'K1-5', total: 15000 },
      [
        { field: 'receiptNumber', new: 'K1-5' },
        { field: 'total', new: '15000' },
      ],
    ],
    [
      'an account edit: its list of changed fields, not the version it moved',
      {
        version: { old: 1, new: 2 },
        changes: [
          { field: 'residents', old: 3, new: 4 },
          { field: 'holder.phone', old: null, new: '+79001234567' },
        ],
      },
      [
        { field: 'residents', old: '3', new: '4' },
        { field: 'holder.phone', old: '', new: '+79001234567' },
      ],
    ],
    [
      'a field that appeared in the edit',
      { old: { a: 1 }, new: { a: 1, b: [1, 2] } },
      [{ field: 'b', old: '', new: '[1,2]' }],
    ],
  ])('%s', (_name, details, expected) => {
    expect(auditChanges(details)).toEqual(expected)
  })
})

describe('office days as instants', () => {
  it.each([
    ['2026-11-20', 'Europe/Moscow', '2026-11-19T21:00:00.000Z', '2026-11-20T21:00:00.000Z'],
    ['2026-11-20', 'Asia/Yekaterinburg', '2026-11-19T19:00:00.000Z', '2026-11-20T19:00:00.000Z'],
    ['2026-12-31', 'UTC', '2026-12-31T00:00:00.000Z', '2027-01-01T00:00:00.000Z'],
  ])('%s in %s', (date, zone, start, end) => {
    expect(officeDayStart(date, zone)).toBe(start)
    expect(officeDayEnd(date, zone)).toBe(end)
  })
})
