import { describe, expect, it } from 'vitest'
import { clientFor } from '../../src-main/sync/sync-run'
import { verifyReplica } from '../../src-main/sync/verify'
import { createOffice, insertGlobal } from '../../src-server/admin/reference'
import { pullPage } from '../../src-server/sync/pull'
import { SyncedWriter } from '../../src-server/sync/synced-write'
import {
  OLDEST_PULL_PROTOCOL,
  OLDEST_PUSH_PROTOCOL,
  pulledRows,
  SYNC_PROTOCOL_VERSION,
  type PulledRow,
  type SyncCursor,
} from '../../src-shared/sync/protocol'
import { registerAccountSchema } from '../../src-shared/accounts/schemas'
import { SyncHttpError, SyncServerClient } from '../../src-main/sync/server-client'
import { accountInput } from '../support/temp-app'
import { headlessClient } from './support/client'
import {
  newWorkstation,
  operatorIdOf,
  seedBranch,
  useSyncServer,
  workstationHeaders,
} from '../support/server'

const { database, server } = useSyncServer()

describe('pull', () => {
  it('pages global rows first, then the branch, each row once, the cursor only forward', async () => {
    const branch = await seedBranch(database.db)
    const other = await seedBranch(database.db)
    for (let i = 0; i < 12; i++) {
      await createOffice(database.db, { branchId: branch.branchId, name: `О${i}`, address: '-' })
      await createOffice(database.db, { branchId: other.branchId, name: `Ч${i}`, address: '-' })
    }
    await insertGlobal(
      database.db,
      'settings',
      Array.from({ length: 9 }, (_, i) => ({
        key: `test.pull.${branch.branchId}`,
        validFrom: `2026-01-${String(i + 1).padStart(2, '0')}`,
        value: String(i),
      })),
    )
    let cursor: SyncCursor = { branch: 0, global: 0 }
    const rows: PulledRow[] = []
    for (let pages = 0; ; pages++) {
      expect(pages).toBeLessThan(1000)
      const page = await pullPage(database.db, branch.branchId, cursor, 7)
      expect(page.count).toBeLessThanOrEqual(7)
      expect(pulledRows(page)).toHaveLength(page.count)
      expect(page.cursor.branch).toBeGreaterThanOrEqual(cursor.branch)
      expect(page.cursor.global).toBeGreaterThanOrEqual(cursor.global)
      rows.push(...pulledRows(page))
      cursor = page.cursor
      if (!page.more) break
    }
    const offices = rows.filter((r) => r.t === 'offices').map((r) => r.r.name)
    expect(offices[0]).toMatch(/^Офис /)
    expect(offices.slice(1)).toEqual(Array.from({ length: 12 }, (_, i) => `О${i}`))
    // Nothing of the other branch; every global row (the settings) before the first branch row.
    expect(rows.some((r) => r.r.branch_id === other.branchId)).toBe(false)
    const firstBranchRow = rows.findIndex((r) => r.r.branch_id === branch.branchId)
    expect(rows.findLastIndex((r) => r.t === 'settings')).toBeLessThan(firstBranchRow)
    const settings = rows.filter(
      (r) => r.t === 'settings' && r.r.key === `test.pull.${branch.branchId}`,
    )
    expect(settings).toHaveLength(9)
    expect(rows.every((r) => !('sync_version' in r.r) && !('secret_hash' in r.r))).toBe(true)
    // The server's scope column goes only to tables whose replica rows have it.
    expect(rows.filter((r) => r.t === 'settings').every((r) => !('branch_id' in r.r))).toBe(true)
  })

  it('carries a deletion as a tombstone, and verify repairs a table that drifted either way', async () => {
    const branch = await seedBranch(database.db)
    const extra = await createOffice(database.db, {
      branchId: branch.branchId,
      name: 'Выездной пункт',
      address: 'с. Завидово',
    })
    const gone = await createOffice(database.db, {
      branchId: branch.branchId,
      name: 'Закрытый офис',
      address: 'с. Мокшино',
    })
    const client = headlessClient(server.url, await newWorkstation(database.db, branch.officeId))
    try {
      await client.sync()
      const db = client.app.services.db
      const names = () =>
        (
          db.$client.prepare('SELECT name FROM offices ORDER BY name').all() as { name: string }[]
        ).map((r) => r.name)
      expect(names()).toContain('Закрытый офис')

      await database.db.transaction(async (tx) => {
        await new SyncedWriter(tx, branch.branchId).update('offices', gone, {
          deletedAt: '2026-11-20T10:00:00.000Z',
        })
      })
      await client.sync()
      expect(names()).not.toContain('Закрытый офис')

      const sync = clientFor(db, '1.0.0')!
      expect(await verifyReplica(db, sync, () => new Date())).toEqual({
        compared: true,
        repulled: [],
      })
      // A row lost on the workstation (a damaged file, a bad restore) comes back through verify.
      db.$client.prepare('DELETE FROM offices WHERE id = ?').run(extra)
      expect(await verifyReplica(db, sync, () => new Date())).toEqual({
        compared: true,
        repulled: ['offices'],
      })
      expect(names()).toContain('Выездной пункт')
      // A row the server does not hold (an old backup restored over the replica) goes away.
      db.$client
        .prepare(
          `INSERT INTO offices (id, branch_id, name, address)
           SELECT 'ghost-office', branch_id, 'Офис-призрак', address FROM offices WHERE id = ?`,
        )
        .run(extra)
      expect(await verifyReplica(db, sync, () => new Date())).toEqual({
        compared: true,
        repulled: ['offices'],
      })
      expect(names()).not.toContain('Офис-призрак')
      expect(names()).toContain('Выездной пункт')
    } finally {
      client.cleanup()
    }
  })

  it('still takes pushes from an app of the previous protocol, and tells it to update to pull', async () => {
    const branch = await seedBranch(database.db)
    const ws = await newWorkstation(database.db, branch.officeId)
    const old = new SyncServerClient(
      { serverUrl: server.url, ...ws },
      { protocol: OLDEST_PUSH_PROTOCOL, schema: 0, app: '1.0.0' },
    )
    expect(OLDEST_PUSH_PROTOCOL).toBeLessThan(SYNC_PROTOCOL_VERSION)
    const args = {
      ...registerAccountSchema.parse(
        accountInput({
          number: '7799000001',
          officeId: branch.officeId,
          services: [{ service: 'electricity', supplierId: branch.supplierId }],
        }),
      ),
      accountId: 'acc-old-protocol',
      customerId: 'cust-old-protocol',
    }
    const pushed = await old.push('device-old-protocol', [
      {
        id: 'cmd-old-protocol',
        seq: 1,
        name: 'account.register',
        argsVersion: 1,
        args,
        operatorId: await operatorIdOf(database.db, branch.login('clerk')),
        at: '2026-11-20T10:00:00.000Z',
      },
    ])
    expect(pushed.outcomes.map((o) => o.status)).toEqual(['applied'])
    const refused = await old.pull({ cursor: { branch: 0, global: 0 } }).catch((e: unknown) => e)
    expect(refused).toBeInstanceOf(SyncHttpError)
    expect((refused as SyncHttpError).updateRequired).toBe(true)
    expect((refused as SyncHttpError).message).toContain('обновите программу')
  })

  it("names the pulled tables' fields in words, and still answers the previous protocol in its letters", async () => {
    const branch = await seedBranch(database.db)
    const ws = await newWorkstation(database.db, branch.officeId)
    const raw = async (protocol: number) => {
      const answer = await fetch(`${server.url}/sync/pull`, {
        method: 'POST',
        headers: workstationHeaders(ws),
        body: JSON.stringify({
          versions: { protocol, schema: 0, app: '1.0.0' },
          cursor: { branch: 0, global: 0 },
        }),
      })
      return { status: answer.status, body: (await answer.json()) as Record<string, unknown> }
    }
    const current = await raw(SYNC_PROTOCOL_VERSION)
    const [first] = current.body.tables as Record<string, unknown>[]
    expect(Object.keys(first!).sort()).toEqual(['columns', 'deleted', 'rows', 'table'])
    // The previous protocol: the same page, its fields one letter each as that app reads them.
    expect(OLDEST_PULL_PROTOCOL).toBe(SYNC_PROTOCOL_VERSION - 1)
    const previous = await raw(OLDEST_PULL_PROTOCOL)
    const tables = previous.body.tables as Record<string, unknown>[]
    expect(Object.keys(tables[0]!).sort()).toEqual(['c', 'd', 'rows', 't'])
    expect(tables.map((t) => [t.t, t.c, t.rows, t.d])).toEqual(
      (current.body.tables as Record<string, unknown>[]).map((t) => [
        t.table,
        t.columns,
        t.rows,
        t.deleted,
      ]),
    )
    // Older still: refused in Russian words.
    const oldest = await raw(OLDEST_PULL_PROTOCOL - 1)
    expect(oldest.status).toBe(426)
    expect(oldest.body.message).toBe(
      `Протокол синхронизации ${OLDEST_PULL_PROTOCOL - 1} не поддерживается сервером: обновите программу.`,
    )
  })
})
