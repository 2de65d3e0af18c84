import { describe, expect, it } from 'vitest'
import { commandNames, syncCommand, syncCommands } from '../../src-shared/sync/commands'
import { syncMessages } from '../../src-shared/sync/messages'
import { workstationCommands } from '../../src-main/commands/all-commands'
import { serverCommandFor, serverCommands } from '../../src-server/commands/registry'

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
