import { sql } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { tariffSetSchema } from '../../src-shared/settings/schemas'
import { syncMessages } from '../../src-shared/sync/messages'
import { queryRow, queryRows } from '../../src-server/db/query'
import { executeCommand } from '../../src-main/commands/command'
import { verifyPassword } from '../../src-node/operators/password'
import { setTariff } from '../../src-main/settings/set-tariff'
import { configureSync } from '../../src-main/sync/sync-state'
import { headlessClient } from '../sync/support/client'
import { testOperators } from '../support/temp-app'
import { sberbank } from './support/requisites'
import {
  createCentralAdmin,
  newWorkstation,
  seedBranch,
  type SeededBranch,
  useSyncServer,
} from '../support/server'

const { database, server, pulled } = useSyncServer()
let branch: SeededBranch
// Tariffs, suppliers and settings are global rows: a central admin's (one without an office).
let admin: { login: string; password: string }
const [clerk] = testOperators
beforeAll(async () => {
  branch = await seedBranch(database.db)
  admin = await createCentralAdmin(database.db)
})

async function adminDesk() {
  const desk = await pulled(branch)
  await desk.login(admin.login, admin.password)
  return desk
}

const tariff = (validFrom: string, rate: string) => ({
  supplierId: branch.supplierId,
  service: 'electricity',
  tariffGroup: 'rural_gas',
  zone: 'T1',
  validFrom,
  rate,
})

describe('reference data through the server', () => {
  it("an admin's tariffs become global rows; the rate before gets its end date, never a new rate", async () => {
    const desk = await adminDesk()
    const other = headlessClient(server.url, await newWorkstation(database.db, branch.officeId))
    try {
      await desk.call('settings.setTariff', tariff('2030-01-01', '5,12'))
      await desk.call('settings.setTariff', tariff('2030-07-01', '5,43210'))
      await desk.sync()
      expect(desk.outbox().map((e) => e.status)).toEqual(['done', 'done'])
      const rows = await queryRows<{
        validFrom: string
        validTo: string | null
        rate: number
        branchId: string | null
      }>(
        database.db,
        sql`SELECT valid_from AS "validFrom", valid_to AS "validTo", rate_millikopecks AS rate,
                   branch_id AS "branchId"
              FROM tariffs WHERE tariff_group = 'rural_gas' ORDER BY valid_from`,
      )
      expect(rows).toEqual([
        { validFrom: '2030-01-01', validTo: '2030-06-30', rate: 512_000, branchId: null },
        { validFrom: '2030-07-01', validTo: null, rate: 543_210, branchId: null },
      ])
      // Another workstation pulls both, the end date included.
      await other.sync()
      const pulled = other.app.services.db.$client
        .prepare(
          `SELECT valid_from AS validFrom, valid_to AS validTo, rate_millikopecks AS rate
             FROM tariffs WHERE tariff_group = 'rural_gas' ORDER BY valid_from`,
        )
        .all()
      expect(pulled).toEqual(rows.map(({ branchId: _b, ...r }) => r))
    } finally {
      desk.cleanup()
      other.cleanup()
    }
  })

  it('suppliers, offices, operators and settings saved by an admin reach the server', async () => {
    const desk = await adminDesk()
    try {
      const { supplierId } = await desk.call<{ supplierId: string }>(
        'settings.saveSupplier',
        sberbank,
      )
      const { officeId } = await desk.call<{ officeId: string }>('settings.saveOffice', {
        name: 'Офис Редкино',
        address: 'пгт Редкино, ул. Победы, 3',
        phone: '8 (48242) 5-11-22',
      })
      const login = branch.login('newclerk')
      const { operatorId } = await desk.call<{ operatorId: string }>('settings.saveOperator', {
        login,
        fullName: 'Новикова Алла Павловна',
        role: 'clerk',
        officeId,
        password: 'first-pass',
      })
      await desk.call('settings.saveOperator', {
        operatorId,
        login,
        fullName: 'Новикова Алла Павловна',
        role: 'clerk',
        officeId,
        active: false,
        password: '',
      })
      await desk.call('settings.setSetting', {
        key: 'debtAlertThreshold',
        value: 250_000,
        validFrom: '2031-01-01',
      })
      await desk.sync()
      expect(desk.outbox().every((e) => e.status === 'done')).toBe(true)
      expect(
        await queryRow(
          database.db,
          sql`SELECT inn, bic, branch_id AS "branchId" FROM suppliers WHERE id = ${supplierId}`,
        ),
      ).toEqual({ inn: '7707083893', bic: '044525225', branchId: null })
      expect(
        await queryRow(
          database.db,
          sql`SELECT name, phone, branch_id AS "branchId" FROM offices WHERE id = ${officeId}`,
        ),
      ).toEqual({ name: 'Офис Редкино', phone: '+74824251122', branchId: branch.branchId })
      const op = await queryRow<{ active: number; hash: string; branchId: string }>(
        database.db,
        sql`SELECT active, password_hash AS hash, branch_id AS "branchId" FROM operators WHERE id = ${operatorId}`,
      )
      expect(op).toMatchObject({ active: 0, branchId: branch.branchId })
      // The password travelled as its scrypt hash and was kept by the edit without one.
      expect(verifyPassword('first-pass', op!.hash)).toBe(true)
      expect(
        await queryRow(
          database.db,
          sql`SELECT value FROM settings WHERE key = 'debtAlertThreshold' AND valid_from = '2031-01-01'`,
        ),
      ).toEqual({ value: '250000' })
      const outbox = desk.app.services.db.$client
        .prepare(`SELECT args FROM outbox WHERE name = 'operator.save'`)
        .pluck()
        .all() as string[]
      expect(outbox.join()).not.toContain('first-pass')
    } finally {
      desk.cleanup()
    }
  })

  it('an admin logged in offline changes nothing: refused at the desk, with the reason, outside the outbox', async () => {
    const ws = await newWorkstation(database.db, branch.officeId)
    const desk = headlessClient(server.url, ws)
    try {
      await desk.sync()
      // The server is out of reach: the login is decided by the hashes pulled here, no session.
      configureSync(desk.app.services.db, { serverUrl: 'http://127.0.0.1:9', ...ws })
      await desk.login(admin.login, admin.password)
      await expect(
        desk.call('settings.setTariff', {
          ...tariff('2033-01-01', '7'),
          tariffGroup: 'urban_gas',
        }),
      ).rejects.toThrow(syncMessages.adminOffline)
      expect(desk.outbox()).toEqual([])
      // Back online and logged in again: the same change goes to the server.
      configureSync(desk.app.services.db, { serverUrl: server.url, ...ws })
      await desk.login(admin.login, admin.password)
      await desk.call('settings.setTariff', {
        ...tariff('2033-01-01', '7'),
        tariffGroup: 'urban_gas',
      })
      // (The app's sync loop is woken and awaited by the handler; this test client runs it itself.)
      await desk.sync()
      expect(desk.outbox().map((e) => e.status)).toEqual(['done'])
      expect(
        await queryRow(
          database.db,
          sql`SELECT 1 AS found FROM tariffs WHERE valid_from = '2033-01-01'`,
        ),
      ).toEqual({ found: 1 })
    } finally {
      desk.cleanup()
    }
  })

  it("refuses a clerk's reference command, whatever the workstation let through", async () => {
    const desk = headlessClient(server.url, await newWorkstation(database.db, branch.officeId))
    try {
      await desk.sync()
      await desk.login(branch.login(clerk.login), clerk.password)
      await expect(desk.call('settings.setTariff', tariff('2032-01-01', '6'))).rejects.toThrow(
        'Эта операция недоступна для вашей роли.',
      )
      const clerkId = desk.app.services.db.$client
        .prepare('SELECT id FROM operators WHERE login = ?')
        .pluck()
        .get(branch.login(clerk.login)) as string
      // A tampered workstation writes the command anyway.
      executeCommand(
        desk.app.services.db,
        setTariff,
        tariffSetSchema.parse(tariff('2032-01-01', '6')),
        {
          operatorId: clerkId,
          now: new Date(),
        },
      )
      await desk.sync()
      expect(desk.outbox()).toEqual([
        {
          status: 'rejected',
          name: 'tariff.set',
          rejectReason: syncMessages.roleNotAllowed('clerk'),
        },
      ])
      expect(
        await queryRow(database.db, sql`SELECT 1 FROM tariffs WHERE valid_from = '2032-01-01'`),
      ).toBeUndefined()
    } finally {
      desk.cleanup()
    }
  })
})
