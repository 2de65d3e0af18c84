import { describe, it, expect } from 'vitest'
import { SyncServerClient } from '../../src-main/sync/server-client'
import {
  newWorkstation,
  openShiftOnServer,
  operatorIdOf,
  seedAccountWithDebt,
  seedBranch,
  useSyncServer,
} from '../support/server'

// No test hook before the commit: on PostgreSQL a push then sends its commit behind its writes.
const { database, server } = useSyncServer()

describe('push', () => {
  it('a command breaking a server constraint is rejected, and the next one still applies', async () => {
    const branch = await seedBranch(database.db)
    const accountId = await seedAccountWithDebt(database.db, branch, '7730000001')
    const ws = await newWorkstation(database.db, branch.officeId)
    const versions = { protocol: 1, schema: 1, app: '1.0.0' }
    const client = new SyncServerClient({ serverUrl: server.url, ...ws }, versions)
    const cashier = await operatorIdOf(database.db, branch.login('cashier'))
    const shiftId = await openShiftOnServer(client, cashier)
    const payment = (seq: number, paymentId: string, receipt: string) => ({
      id: `cmd-${receipt}`,
      seq,
      name: 'payment.record',
      argsVersion: 1,
      args: {
        accountId,
        lines: [
          {
            supplierId: branch.supplierId,
            service: 'electricity',
            amount: 500,
            id: `l-${receipt}`,
          },
        ],
        method: 'card',
        cardReference: 'RRN1',
        paymentId,
        receiptNumber: receipt,
        paidAt: '2026-11-20T10:00:00.000Z',
        shiftId,
      },
      operatorId: cashier,
      at: '2026-11-20T10:00:00.000Z',
    })
    const device = `dev-${ws.workstationId}`
    const first = await client.push(device, [
      payment(1, `p-${ws.workstationId}`, `${ws.workstationId}-1`),
    ])
    expect(first.outcomes[0]!.status).toBe('applied')
    // The same payment id again under another receipt (a workstation bug): the key says no.
    const answer = await client.push(device, [
      payment(2, `p-${ws.workstationId}`, `${ws.workstationId}-2`),
      payment(3, `q-${ws.workstationId}`, `${ws.workstationId}-3`),
    ])
    expect(answer.stopped).toBeNull()
    expect(answer.outcomes.map((o) => o.status)).toEqual(['rejected', 'applied'])
    expect((answer.outcomes[0] as { reason: string }).reason).toContain(
      'противоречит данным сервера',
    )
    // Alone in its push (on PostgreSQL the commit goes behind its writes):
    // the same refusal, and the sequence still moves on.
    const alone = await client.push(device, [
      payment(4, `p-${ws.workstationId}`, `${ws.workstationId}-4`),
    ])
    expect(alone.outcomes.map((o) => o.status)).toEqual(['rejected'])
    const next = payment(5, `r-${ws.workstationId}`, `${ws.workstationId}-5`)
    const applied = await client.push(device, [next])
    expect(applied.outcomes[0]).toMatchObject({ status: 'applied', version: expect.any(Number) })
    // Sent again, it is answered from its record with the same version.
    const again = await client.push(device, [next])
    expect(again.outcomes[0]).toMatchObject({
      status: 'duplicate',
      outcome: 'applied',
      version: (applied.outcomes[0] as { version: number }).version,
    })
  })
})
