import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { runSync } from '../../src-main/sync/sync-run'
import { queryRows } from '../../src-server/db/query'
import { accountInput, testOperators } from '../support/temp-app'
import { newWorkstation, seedBranch, useSyncServer } from '../support/server'
import { headlessClient } from './support/client'

const { database, server } = useSyncServer()
const [clerk] = testOperators

describe('a workstation and the central server', () => {
  it('bootstraps the branch, pushes an account registered offline and sees it come back', async () => {
    const branch = await seedBranch(database.db)
    const ws = await newWorkstation(database.db, branch.officeId)
    const client = headlessClient(server.url, ws)
    try {
      const first = await client.sync()
      expect(first.pulled).toBeGreaterThan(0)
      await client.login(branch.login(clerk.login), clerk.password)
      const device = client.app.services.db.$client
        .prepare('SELECT workstation_id AS w FROM device_state')
        .get() as { w: string }
      expect(device.w).toBe(ws.workstationId)

      const { accountId } = await client.call<{ accountId: string }>(
        'accounts.register',
        accountInput({ number: '7710000001', officeId: branch.officeId }),
      )
      expect(client.outbox()).toEqual([
        { status: 'pending', name: 'account.register', rejectReason: null },
      ])
      const status = await client.call<{ waitingCommands: number }>('sync.status', {})
      expect(status.waitingCommands).toBe(1)

      await client.sync()
      const onServer = await queryRows<{ id: string; branch_id: string }>(
        database.db,
        sql`SELECT id, branch_id FROM accounts WHERE number = '7710000001'`,
      )
      expect(onServer).toEqual([{ id: accountId, branch_id: branch.branchId }])
      expect(client.outbox().map((e) => e.status)).toEqual(['done'])
      const after = await client.call<{ online: boolean; waitingCommands: number }>(
        'sync.status',
        {},
      )
      expect(after).toMatchObject({ online: true, waitingCommands: 0, configured: true })
      const found = await client.call<{ items: { accountId: string }[] }>('accounts.search', {
        query: '7710000001',
      })
      expect(JSON.stringify(found)).toContain(accountId)

      // A month later the done entry is gone; the account stays.
      const later = new Date(Date.now() + 31 * 86_400_000)
      await runSync(client.app.services.db, { appVersion: '1.0.0', now: () => later })
      expect(client.outbox()).toEqual([])
    } finally {
      client.cleanup()
    }
  })
})
