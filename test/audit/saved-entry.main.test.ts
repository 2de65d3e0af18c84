import { describe, expect, it } from 'vitest'
import { savedEntry } from '../../src-main/audit/audit-log'

// What the audit log says of an office, supplier or operator an admin saved.
describe('the audit entry of a saved reference row', () => {
  it.each([
    {
      entity: 'office' as const,
      old: undefined,
      values: { name: 'Офис 2' },
      expected: { action: 'office.create', details: { new: { name: 'Офис 2' } } },
    },
    {
      entity: 'supplier' as const,
      old: { name: 'ТЭК' },
      values: { name: 'ТЭК-2' },
      expected: {
        action: 'supplier.edit',
        details: { old: { name: 'ТЭК' }, new: { name: 'ТЭК-2' } },
      },
    },
    {
      entity: 'operator' as const,
      old: { login: 'ivanova', active: true },
      values: { login: 'ivanova', active: false },
      expected: {
        action: 'operator.edit',
        details: {
          old: { login: 'ivanova', active: true },
          new: { login: 'ivanova', active: false },
        },
      },
    },
  ])('$entity: $expected.action', ({ entity, old, values, expected }) => {
    expect(savedEntry(entity, 'id-1', old, values)).toEqual({
      ...expected,
      entity,
      entityId: 'id-1',
    })
  })
})
