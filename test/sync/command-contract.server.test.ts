import { describe, expect, it } from 'vitest'
import { commandNames, syncCommand, syncCommands } from '../../src-shared/sync/commands'
import { syncMessages } from '../../src-shared/sync/messages'
import { workstationCommands } from '../../src-main/commands/all-commands'
import { serverCommandFor, serverCommands } from '../../src-server/commands/registry'
import { readingRowColumns } from './support/reading-row'

const sorted = (names: Iterable<string>) => [...names].sort()

describe('one sync command contract', () => {
  it('the workstation and the server name exactly the commands of the contract, at its versions', () => {
    expect(sorted(Object.keys(workstationCommands))).toEqual(sorted(commandNames))
    expect(sorted(Object.keys(serverCommands))).toEqual(sorted(commandNames))
    for (const name of commandNames) {
      const def = workstationCommands[name]
      expect(def.name).toBe(name)
      expect(def.argsVersion).toBe(syncCommands[name].argsVersion)
      expect(serverCommands[name].name).toBe(name)
      expect(serverCommandFor(name, syncCommands[name].argsVersion)?.applier).toBe(
        serverCommands[name],
      )
      expect(serverCommandFor(name, syncCommands[name].argsVersion + 1)).toBeUndefined()
    }
    // A name neither side has is nowhere, not even through the prototype.
    expect(serverCommandFor('toString', 1)).toBeUndefined()
    expect(syncCommand('constructor')).toBeUndefined()
  })

  it('every payload is strict: a key no part of it knows is refused, not dropped', () => {
    const shift = { openingCash: 10_000, shiftId: 's-1', openedAt: '2026-11-20T08:00:00.000Z' }
    expect(syncCommands['shift.open'].payload.parse(shift)).toEqual(shift)
    const extra = syncCommands['shift.open'].payload.safeParse({ ...shift, branchId: 'b-2' })
    expect(extra.success).toBe(false)
    expect(extra.error!.issues[0]!.message).toBe(syncMessages.unknownField('branchId'))
    const notObject = syncCommands['reading.delete'].payload.safeParse(['x'])
    expect(notObject.success).toBe(false)
  })

  it('strict at every depth: a nested key no schema names is refused, by its path', () => {
    const submit = {
      accountId: 'a-1',
      readings: [
        {
          id: 'r-1',
          meterId: 'm-1',
          zone: 'T1',
          ...readingRowColumns,
          confirmReason: null,
          acceptedBy: null,
          flags: null,
        },
      ],
    }
    expect(syncCommands['reading.submit'].payload.safeParse(submit).success).toBe(true)
    const nested = syncCommands['reading.submit'].payload.safeParse({
      ...submit,
      readings: [{ ...submit.readings[0], branchId: 'b-2' }],
    })
    expect(nested.error!.issues[0]!.message).toBe(syncMessages.unknownField('readings[0].branchId'))
    // A record's values and a Z report are read whole: any key there is theirs.
    const edit = {
      accountId: 'a-1',
      expectedVersion: 1,
      changes: { notes: 'Звонить вечером' },
      before: { notes: { nested: 'anything' } },
    }
    expect(syncCommands['account.edit'].payload.safeParse(edit).success).toBe(true)
    const edited = syncCommands['account.edit'].payload.safeParse({
      ...edit,
      changes: { notes: 'Звонить вечером', branchId: 'b-2' },
    })
    expect(edited.error!.issues[0]!.message).toBe(syncMessages.unknownField('changes.branchId'))
  })

  it('account.close v1 (whole reading rows) is still read; v2 carries only the ids', () => {
    const close = {
      accountId: 'a-1',
      expectedVersion: 1,
      date: '2026-02-01',
      reason: 'Выезд',
      source: 'office',
      finalReadings: [{ meterId: 'm-1', zone: 'T1', value: '10250' }],
      readings: [{ id: 'r-1', meterId: 'm-1', zone: 'T1' }],
    }
    const v1 = { ...close, readings: [{ ...close.readings[0], value: 10_250, rawValue: '10250' }] }
    expect(syncCommands['account.close'].argsVersion).toBe(2)
    expect(serverCommandFor('account.close', 2)!.payload.parse(close)).toEqual(close)
    expect(serverCommandFor('account.close', 1)!.payload.parse(v1)).toEqual(close)
    expect(
      serverCommandFor('account.close', 2)!.payload.safeParse(v1).error!.issues[0]!.message,
    ).toBe(syncMessages.unknownField('readings[0].value'))
    // v1 stays strict at the top.
    expect(
      serverCommandFor('account.close', 1)!.payload.safeParse({ ...v1, branchId: 'b' }).success,
    ).toBe(false)
    expect(serverCommandFor('account.close', 3)).toBeUndefined()
  })

  it('admin scope covers operators and reference data, and nothing else', () => {
    const admin = commandNames.filter((n) => syncCommands[n].scope === 'admin')
    expect(sorted(admin)).toEqual(
      sorted([
        'tariff.set',
        'supplier.save',
        'office.save',
        'operator.save',
        'setting.set',
        'priceList.set',
      ]),
    )
    for (const name of admin) expect(syncCommands[name].roles).toEqual(['admin'])
  })
})
