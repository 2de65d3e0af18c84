import { randomBytes } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import { sql } from 'drizzle-orm'
import pg from 'pg'
import { afterAll, beforeAll } from 'vitest'
import { SYNC_PROTOCOL_VERSION, type PushedCommand } from '../../src-shared/sync/protocol'
import type { SyncServerClient } from '../../src-main/sync/server-client'
import {
  createBranch,
  createOffice,
  createOperator,
  insertBranchRows,
  insertGlobal,
} from '../../src-server/admin/reference'
import {
  openServerDatabase,
  type ServerDatabase,
  type ServerDb,
} from '../../src-server/db/connection'
import { queryRow } from '../../src-server/db/query'
import { buildServerApp } from '../../src-server/http/app'
import { registerWorkstation } from '../../src-server/workstation/credentials'
import { accountInput, ids, testOperators, testServices, testSupplier } from './temp-app'
import { headlessClient, type HeadlessClient } from '../sync/support/client'
import type { RateLimits } from '../../src-shared/sync/rate-limits'

/** The versions a current workstation sends with each request to the server. */
export const workstationVersions = { protocol: SYNC_PROTOCOL_VERSION, schema: 0, app: '1.0.0' }

/** When the commands a test pushes were made (one fixed moment, so outcomes can name it). */
export const pushedAt = '2026-11-20T10:00:00.000Z'

/** A workstation's device as its raw pushes show it: its id, and its commands in sequence. */
export class PushingDevice {
  readonly device = `dev-${randomBytes(6).toString('hex')}`
  private seq = 0

  /** The device's next command, made at `pushedAt`. */
  command(
    name: string,
    args: unknown,
    operatorId: string | null,
    id = `cmd-${randomBytes(8).toString('hex')}`,
  ): PushedCommand {
    this.seq += 1
    return { id, seq: this.seq, name, argsVersion: 1, args, operatorId, at: pushedAt }
  }
}

/**
 * The server's database for one test file: an in-memory PGlite, or with DATABASE_URL a fresh
 * database on that PostgreSQL, dropped at the end.
 */
export async function testServerDatabase(): Promise<ServerDatabase> {
  const url = process.env.DATABASE_URL
  if (!url) return openServerDatabase({})
  const name = `energo_test_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const testUrl = new URL(url)
  testUrl.pathname = `/${name}`
  const database = await openServerDatabase({ databaseUrl: testUrl.toString() })
  return {
    ...database,
    close: async () => {
      await database.close()
      const drop = new pg.Client({ connectionString: url })
      await drop.connect()
      await drop.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await drop.end()
    },
  }
}

export interface RunningServer {
  url: string
  close(): Promise<void>
}

/** The real server app listening on a loopback port. */
export async function startTestServer(
  db: ServerDb,
  options: {
    minAppVersion?: string
    releasesDir?: string
    beforeCommit?: (c: PushedCommand) => Promise<void>
    rateLimits?: Partial<RateLimits>
  } = {},
): Promise<RunningServer> {
  const app = await buildServerApp({ db, ...options })
  await app.listen({ host: '127.0.0.1', port: 0 })
  const { port } = app.server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}`, close: () => app.close() }
}

type TestServerOptions = Parameters<typeof startTestServer>[1]

/** The server's database of a test file: opened before its tests, closed after them. */
export function useTestDatabase(): { readonly db: ServerDb } {
  let database: ServerDatabase | undefined
  beforeAll(async () => {
    database = await testServerDatabase()
  })
  afterAll(async () => {
    await database?.close()
  })
  return {
    get db() {
      return database!.db
    },
  }
}

/**
 * The real server of a test file on its database: started before its tests, stopped after them
 * (before the database closes: vitest runs after-hooks in reverse).
 */
export function useTestServer(
  database: { readonly db: ServerDb },
  options?: TestServerOptions,
): { readonly url: string } {
  let server: RunningServer | undefined
  beforeAll(async () => {
    server = await startTestServer(database.db, options)
  })
  afterAll(async () => {
    await server?.close()
  })
  return {
    get url() {
      return server!.url
    },
  }
}

export interface SeededBranch {
  branchId: string
  officeId: string
  supplierId: string
  /** The branch's login of a test operator ("clerk" -> "clerk-<suffix>"). */
  login(base: string): string
}

let counter = 0

/**
 * A new branch with an office and the test operators (logins made unique per branch), plus the
 * global supplier and services once per database: tests in one file share a server but not a
 * branch.
 */
export async function seedBranch(db: ServerDb): Promise<SeededBranch> {
  const have = await queryRow(db, sql`SELECT 1 FROM suppliers WHERE id = ${ids.supplier}`)
  if (!have) {
    await insertGlobal(db, 'suppliers', [testSupplier])
    await insertGlobal(db, 'services', testServices)
  }
  counter += 1
  const suffix = `${process.pid}-${counter}-${randomBytes(3).toString('hex')}`
  const branchId = await createBranch(db, { code: `B${suffix}`, name: `Филиал ${suffix}` })
  const officeId = await createOffice(db, {
    branchId,
    name: `Офис ${suffix}`,
    address: 'г. Конаково, ул. Энергетиков, 17',
  })
  for (const op of testOperators) {
    await createOperator(db, {
      login: `${op.login}-${suffix}`,
      password: op.password,
      fullName: op.fullName,
      role: op.role,
      officeId,
    })
  }
  return { branchId, officeId, supplierId: ids.supplier, login: (base) => `${base}-${suffix}` }
}

/** An admin of the branch's office, created on the server: how they log in. */
export async function createBranchAdmin(
  db: ServerDb,
  branch: SeededBranch,
): Promise<{ login: string; password: string }> {
  const admin = { login: branch.login('admin'), password: 'admin-pass' }
  await createOperator(db, {
    ...admin,
    fullName: 'Кузнецов Дмитрий Сергеевич',
    role: 'admin',
    officeId: branch.officeId,
  })
  return admin
}

/** A central admin (no office): global rows and every branch are theirs. */
export async function createCentralAdmin(
  db: ServerDb,
): Promise<{ id: string; login: string; password: string }> {
  const login = `central-${process.pid}-${randomBytes(3).toString('hex')}`
  const admin = { login, password: 'central-pass' }
  const id = await createOperator(db, {
    ...admin,
    fullName: 'Орлова Вера Николаевна',
    role: 'admin',
    officeId: null,
  })
  return { id, ...admin }
}

/** The server's id of the operator with this login. */
export async function operatorIdOf(db: ServerDb, login: string): Promise<string> {
  const row = await queryRow<{ id: string }>(
    db,
    sql`SELECT id FROM operators WHERE login = ${login}`,
  )
  if (!row) throw new Error(`no operator ${login}`)
  return row.id
}

/**
 * A shift opened on the workstation this client speaks for, pushed from a device of its own (a
 * payment must be taken in a shift of its workstation): the shift's id.
 */
export async function openShiftOnServer(
  client: { push: SyncServerClient['push'] },
  operatorId: string,
): Promise<string> {
  const shiftId = `shift-${randomBytes(6).toString('hex')}`
  const at = '2026-11-20T08:00:00.000Z'
  const answer = await client.push(`shift-device-${shiftId}`, [
    {
      id: `open-${shiftId}`,
      seq: 1,
      name: 'shift.open',
      argsVersion: 1,
      args: { openingCash: 0, shiftId, openedAt: at },
      operatorId,
      at,
    },
  ])
  if (answer.outcomes[0]?.status !== 'applied') throw new Error(JSON.stringify(answer.outcomes))
  return shiftId
}

/** The headers of a workstation's request: JSON, its id and its secret (or a guessed one). */
export function workstationHeaders(
  ws: { workstationId: string; secret: string },
  secret = ws.secret,
): Record<string, string> {
  return {
    'content-type': 'application/json',
    'x-workstation-id': ws.workstationId,
    'x-workstation-secret': secret,
  }
}

export async function newWorkstation(db: ServerDb, officeId: string, name = 'Окно') {
  const prefix = randomBytes(3).toString('hex').toUpperCase()
  return registerWorkstation(db, { officeId, name, receiptPrefix: prefix })
}

/** An account of the branch on the server owing 2 200,00 ₽ for electricity (two charges). */
export async function seedAccountWithDebt(db: ServerDb, branch: SeededBranch, number: string) {
  const accountId = `acc-${number}`
  const at = '2026-11-01T00:00:00.000Z'
  await insertBranchRows(db, branch.branchId, [
    {
      table: 'customers',
      rows: [
        {
          id: `cust-${number}`,
          lastName: 'Кузнецова',
          firstName: 'Ольга',
          createdAt: at,
          updatedAt: at,
        },
      ],
    },
    {
      table: 'accounts',
      rows: [
        {
          id: accountId,
          number,
          officeId: branch.officeId,
          holderId: `cust-${number}`,
          holderRelation: 'owner',
          region: 'Тверская обл.',
          settlement: 'г. Конаково',
          street: 'ул. Ленина',
          house: '7',
          tariffGroup: 'urban_gas',
          createdAt: at,
          updatedAt: at,
        },
      ],
    },
    {
      table: 'account_services',
      rows: [{ accountId, service: 'electricity', supplierId: branch.supplierId }],
    },
    {
      table: 'charges',
      rows: ['2026-09', '2026-10'].map((period, i) => ({
        id: `charge-${number}-${period}`,
        accountId,
        supplierId: branch.supplierId,
        service: 'electricity',
        period,
        kind: 'charge',
        amount: 100_000 + 20_000 * i,
        createdAt: at,
      })),
    },
  ])
  return accountId
}

type TestOperator = (typeof testOperators)[number]

/**
 * Workstations of a test file, each new on a branch's office, talking to the server or to `url`
 * (a fault proxy in front of it); their replicas go after the file's tests.
 */
export function useWorkstations(
  database: { readonly db: ServerDb },
  server: { readonly url: string },
) {
  const clients: HeadlessClient[] = []
  afterAll(() => {
    clients.forEach((c) => c.cleanup())
  })
  return async function workstation(branch: SeededBranch, url = server.url) {
    const client = headlessClient(url, await newWorkstation(database.db, branch.officeId))
    clients.push(client)
    return client
  }
}

function desksOf(workstation: ReturnType<typeof useWorkstations>) {
  /** A new workstation that has pulled its branch once, nobody logged in. */
  async function pulled(branch: SeededBranch, url?: string) {
    const client = await workstation(branch, url)
    await client.sync()
    return client
  }
  /** A pulled workstation with the operator logged in. */
  async function desk(
    branch: SeededBranch,
    operator: TestOperator = testOperators[0],
    url?: string,
  ) {
    const client = await pulled(branch, url)
    await client.login(branch.login(operator.login), operator.password)
    return client
  }
  return { pulled, desk }
}

/**
 * What a sync test starts from: the real server on loopback over its own database, and the
 * file's workstations (`workstation`: new and empty; `pulled`: bootstrapped; `desk`: bootstrapped
 * with an operator logged in), all closed after the file's tests.
 */
export function useSyncServer(options?: TestServerOptions) {
  const database = useTestDatabase()
  const server = useTestServer(database, options)
  const workstation = useWorkstations(database, server)
  return { database, server, workstation, ...desksOf(workstation) }
}

/** A meter as the server holds it: a one-zone Меркурий 201.5 (6+1 digits) unless told. */
export interface MeterOnServer {
  id: string
  accountId: string
  serialNumber: string
  model?: string
  zones?: number
  intDigits?: number
  fracDigits?: number
  installedAt?: string
  nextVerificationAt?: string
}

/** A billed reading taken by phone, entered at 10:00 UTC of its day, in its day's period. */
export interface ReadingOnServer {
  id: string
  zone: string
  value: number
  readingDate: string
}

/** A meter of an account of the branch on the server, with its billed readings. */
export async function seedMeter(
  db: ServerDb,
  branch: SeededBranch,
  meter: MeterOnServer,
  readings: ReadingOnServer[] = [],
): Promise<void> {
  await insertBranchRows(db, branch.branchId, [
    {
      table: 'meters',
      rows: [
        {
          service: 'electricity',
          model: 'Меркурий 201.5',
          zones: 1,
          intDigits: 6,
          fracDigits: 1,
          installedAt: '2015-05-01',
          ...meter,
        },
      ],
    },
    {
      table: 'readings',
      rows: readings.map((r) => ({
        ...r,
        meterId: meter.id,
        accountId: meter.accountId,
        rawValue: String(r.value),
        enteredAt: `${r.readingDate}T10:00:00.000Z`,
        period: r.readingDate.slice(0, 7),
        source: 'phone',
        status: 'billed',
      })),
    },
  ])
}

/**
 * An account of the branch owing (as seedAccountWithDebt) with one meter, `meter-<number>`
 * serial `S<number>`, and the meter's billed readings.
 */
export async function seedAccountWithMeter(
  db: ServerDb,
  branch: SeededBranch,
  number: string,
  meter: Omit<MeterOnServer, 'id' | 'accountId' | 'serialNumber'>,
  readings: ReadingOnServer[] = [],
): Promise<{ accountId: string; meterId: string }> {
  const accountId = await seedAccountWithDebt(db, branch, number)
  const meterId = `meter-${number}`
  await seedMeter(
    db,
    branch,
    { ...meter, id: meterId, accountId, serialNumber: `S${number}` },
    readings,
  )
  return { accountId, meterId }
}

/** A new account's input for the branch: its office, electricity from its supplier. */
export function branchAccountInput(
  branch: SeededBranch,
  number: string,
  overrides: Parameters<typeof accountInput>[0] = {},
) {
  return accountInput({
    number,
    officeId: branch.officeId,
    services: [{ service: 'electricity', supplierId: branch.supplierId }],
    ...overrides,
  })
}
