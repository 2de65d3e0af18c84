import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { sql } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { readSyncState } from '../../src-main/sync/sync-state'
import type { ChannelName, InputOf } from '../../src-shared/api/contract'
import { queryRows } from '../../src-server/db/query'
import { accountInput, testOperators } from '../support/temp-app'
import {
  createBranchAdmin,
  newWorkstation,
  type RunningServer,
  seedAccountWithDebt,
  seedBranch,
  startTestServer,
  useTestDatabase,
  useTestServer,
} from '../support/server'
import { headlessClient, type HeadlessClient } from './support/client'

// The central server moves to a new host: the same database behind a new address.
const database = useTestDatabase()
// The old host is stopped by the test that moves away from it.
let oldHost: RunningServer
const newHost = useTestServer(database)
const [clerk, , supervisor] = testOperators

beforeAll(async () => {
  oldHost = await startTestServer(database.db)
})

function dispatch<K extends ChannelName>(desk: HeadlessClient, channel: K, input: InputOf<K>) {
  return desk.app.dispatch(channel, input, 'test-tab')
}

function endpoint(desk: HeadlessClient) {
  // The secret as the workstation opens it (sealed in the file, see replica-key.ts).
  const state = readSyncState(desk.app.services.db)!
  return { url: state.serverUrl, id: state.workstationId, secret: state.secret }
}

describe('the central server address', () => {
  it('an admin points the workstation at the moved server; it syncs on with its credentials and cursor', async () => {
    const branch = await seedBranch(database.db)
    const admin = await createBranchAdmin(database.db, branch)
    await seedAccountWithDebt(database.db, branch, '7790000001')
    const ws = await newWorkstation(database.db, branch.officeId)
    const desk = headlessClient(oldHost.url, ws)
    try {
      await desk.sync()
      const before = { cursor: desk.cursor(), endpoint: endpoint(desk) }
      await oldHost.close()

      // Meanwhile the clerk works offline; the address is not theirs to change, only to read.
      await desk.login(branch.login(clerk.login), clerk.password)
      await desk.call('accounts.register', {
        ...accountInput({ number: '7790000002', officeId: branch.officeId }),
        services: [{ service: 'electricity', supplierId: branch.supplierId }],
      })
      await expect(desk.sync()).rejects.toThrow()
      expect(await desk.call('sync.status', {})).toMatchObject({
        serverUrl: oldHost.url,
        online: false,
        waitingCommands: 1,
      })
      const refused = await dispatch(desk, 'sync.changeServer', { serverUrl: newHost.url })
      expect(refused.ok ? null : refused.error.code).toBe('forbidden')
      // Nor a supervisor's: the credentials follow the address.
      await desk.login(branch.login(supervisor.login), supervisor.password)
      for (const channel of ['sync.changeServer', 'sync.checkServer'] as const) {
        const denied = await dispatch(desk, channel, { serverUrl: newHost.url })
        expect(denied.ok ? null : denied.error.code).toBe('forbidden')
      }

      await desk.login(admin.login, admin.password)
      const typo = await dispatch(desk, 'sync.changeServer', { serverUrl: 'newhost:5190' })
      expect(typo.ok ? null : typo.error.fields).toEqual({
        serverUrl: 'Адрес сервера: адрес вида https://сервер:5190',
      })
      const gone = await dispatch(desk, 'sync.checkServer', { serverUrl: oldHost.url })
      expect(gone.ok ? null : gone.error.fields).toEqual({
        serverUrl: 'Адрес сервера: сервер не отвечает. Проверьте адрес и сеть.',
      })
      expect(await desk.call('sync.checkServer', { serverUrl: newHost.url })).toEqual({
        serverUrl: newHost.url,
        knowsWorkstation: true,
      })

      const status = await desk.call('sync.changeServer', { serverUrl: ` ${newHost.url}/ ` })
      expect(status).toMatchObject({ serverUrl: newHost.url, waitingCommands: 1 })
      const again = await dispatch(desk, 'sync.changeServer', { serverUrl: newHost.url })
      expect(again.ok ? null : again.error.fields).toEqual({
        serverUrl: 'Адрес сервера: этот адрес уже задан.',
      })

      // Same credentials and cursor: no new registration, no second bootstrap.
      expect(endpoint(desk)).toEqual({ ...before.endpoint, url: newHost.url })
      expect(desk.cursor()).toEqual(before.cursor)
      await seedAccountWithDebt(database.db, branch, '7790000003')
      const report = await desk.sync()
      expect(report.pushed).toBe(1)
      expect(report.pulled).toBeLessThan(20)
      const onServer = await queryRows<{ number: string }>(
        database.db,
        sql`SELECT number FROM accounts WHERE branch_id = ${branch.branchId} ORDER BY number`,
      )
      expect(onServer.map((r) => r.number)).toEqual(['7790000001', '7790000002', '7790000003'])
      const local = desk.app.services.db.$client
        .prepare(`SELECT number FROM accounts ORDER BY number`)
        .pluck()
        .all()
      expect(local).toEqual(['7790000001', '7790000002', '7790000003'])
      expect(await desk.call('sync.status', {})).toMatchObject({ online: true, waitingCommands: 0 })

      // The audit log says who moved it, from where to where.
      const audit = desk.app.services.db.$client
        .prepare(
          `SELECT l.action, l.entity_id AS entityId, l.details, o.full_name AS operatorName
             FROM audit_log l JOIN operators o ON o.id = l.operator_id
            WHERE l.action = 'sync.changeServer'`,
        )
        .all() as { action: string; entityId: string; details: string; operatorName: string }[]
      expect(audit).toEqual([
        {
          action: 'sync.changeServer',
          entityId: ws.workstationId,
          details: JSON.stringify({
            old: { serverUrl: oldHost.url },
            new: { serverUrl: newHost.url },
          }),
          operatorName: 'Кузнецов Дмитрий Сергеевич',
        },
      ])
    } finally {
      desk.cleanup()
    }
  })

  it('the check tells a server that does not know this workstation, and a host that is no central server', async () => {
    const branch = await seedBranch(database.db)
    const ws = await newWorkstation(database.db, branch.officeId)
    const desk = headlessClient(newHost.url, ws)
    try {
      const admin = await createBranchAdmin(database.db, branch)
      await desk.sync()
      await desk.login(admin.login, admin.password)
      await database.db.execute(
        sql`UPDATE workstations SET deleted_at = now()::text WHERE id = ${ws.workstationId}`,
      )
      const unknown = await dispatch(desk, 'sync.checkServer', { serverUrl: newHost.url })
      expect(unknown.ok ? null : unknown.error.fields?.serverUrl).toBe(
        'Адрес сервера: сервер отвечает, но не знает это рабочее место: это другой сервер, или рабочее место на нем удалено.',
      )
      // Some other web server at the address: it answers, but not as the central server.
      const other = createServer((_req, res) => res.end('<html>Intranet</html>'))
      await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve))
      try {
        const { port } = other.address() as AddressInfo
        const wrong = await dispatch(desk, 'sync.checkServer', {
          serverUrl: `http://127.0.0.1:${port}`,
        })
        expect(wrong.ok ? null : wrong.error.fields?.serverUrl).toBe(
          'Адрес сервера: по этому адресу отвечает не центральный сервер.',
        )
      } finally {
        other.close()
      }
    } finally {
      desk.cleanup()
    }
  })
})
