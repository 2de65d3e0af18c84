import { describe, expect, it } from 'vitest'
import { accountColumnChanges } from '../../src-shared/accounts/changes'

// The same columns are written by the workstation's edit and by the server's.
describe("an edit's changed fields as the account row's columns", () => {
  it.each([
    { changes: {}, columns: {} },
    { changes: { number: 'ЛС000123' }, columns: { number: 'ЛС000123' } },
    { changes: { relation: 'tenant' as const }, columns: { holderRelation: 'tenant' } },
    {
      changes: { address: { street: 'Ленина', house: '5', flat: null } },
      columns: { street: 'Ленина', house: '5', flat: null },
    },
    { changes: { rooms: undefined, residents: 3 }, columns: { residents: 3 } },
    { changes: { rooms: null, notes: '' }, columns: { rooms: null, notes: '' } },
    // The holder and the services are rows of their own: no account column.
    {
      changes: { holder: { lastName: 'Петрова' }, services: [] },
      columns: {},
    },
  ])('$changes -> $columns', ({ changes, columns }) => {
    expect(accountColumnChanges(changes as Parameters<typeof accountColumnChanges>[0])).toEqual(
      columns,
    )
  })
})
