import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { CommandDef } from '../../src-main/commands/command'
import { executeCommand } from '../../src-main/commands/command'
import { registerAccount } from '../../src-main/accounts/register-account'
import { registerAccountSchema } from '../../src-shared/accounts/schemas'
import { accountInput, tempApp, testOperators, type TempApp } from '../support/temp-app'

let t: TempApp
beforeEach(() => {
  t = tempApp()
})
afterEach(() => t.cleanup())

const q = <T>(sql: string, ...params: unknown[]) =>
  t.app.services.db.$client.prepare(sql).all(...params) as T[]
const actor = () => ({ operatorId: testOperators[0].id, now: t.app.services.clock() })
const register = (overrides = {}) =>
  executeCommand(
    t.app.services.db,
    registerAccount,
    registerAccountSchema.parse(accountInput(overrides)),
    actor(),
  )

describe('a command', () => {
  it('changes the replica, queues one outbox entry and writes the audit log together', () => {
    const { accountId } = register()
    const [entry] = q<{
      id: string
      name: string
      sequence: number
      device_id: string
      operator_id: string
      args: string
    }>('SELECT * FROM outbox')
    expect(entry).toMatchObject({
      name: 'account.register',
      sequence: 1,
      operator_id: testOperators[0].id,
    })
    expect(entry!.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-/) // UUIDv7
    expect(JSON.parse(entry!.args)).toMatchObject({ number: '7700000001' })
    const [device] = q<{ device_id: string }>('SELECT device_id FROM device_state')
    expect(entry!.device_id).toBe(device!.device_id)
    expect(
      q('SELECT command_id AS commandId, account_id AS accountId, action FROM audit_log'),
    ).toEqual([{ commandId: entry!.id, accountId, action: 'account.register' }])
  })

  it('numbers outbox entries per device without gaps', () => {
    for (let i = 1; i <= 5; i++) register({ number: `770000000${i}` })
    expect(
      q<{ sequence: number }>('SELECT sequence FROM outbox ORDER BY sequence').map(
        (r) => r.sequence,
      ),
    ).toEqual([1, 2, 3, 4, 5])
  })

  it('leaves nothing behind when it fails half-way', () => {
    register()
    // Same number again: refused after the customer row was already written in the transaction.
    expect(() => register({ holder: { lastName: 'Другой', firstName: 'Человек' } })).toThrow(
      /уже есть/,
    )
    // A command of the contract's (its name only labels the outbox entry it never gets).
    const failing: CommandDef<null, void, 'setting.set'> = {
      name: 'setting.set',
      argsVersion: 1,
      apply(tx) {
        tx.$client.prepare("INSERT INTO branches (id, code, name) VALUES ('b2', 'B2', 'x')").run()
        throw new Error('power cut')
      },
    }
    expect(() => executeCommand(t.app.services.db, failing, null, actor())).toThrow('power cut')
    expect(q('SELECT count(*) AS n FROM customers')).toEqual([{ n: 1 }])
    expect(q("SELECT count(*) AS n FROM branches WHERE id = 'b2'")).toEqual([{ n: 0 }])
    expect(q('SELECT count(*) AS n FROM outbox')).toEqual([{ n: 1 }])
    expect(q('SELECT last_sequence AS s FROM device_state')).toEqual([{ s: 1 }])
  })
})
