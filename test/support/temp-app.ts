import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { eq } from 'drizzle-orm'
import { registerAccountSchema, type RegisterAccountInput } from '../../src-shared/accounts/schemas'
import { registerAccount } from '../../src-main/accounts/register-account'
import { executeCommand } from '../../src-main/commands/command'
import { createApp, type App, type AppOptions } from '../../src-main/app/create-app'
import { chromiumPdfPrinter } from '../../src-main/webhost/chromium-pdf-printer'
import type { Db } from '../../src-main/db/connection'
import * as t from '../../src-main/db/schema'
import { hashPassword } from '../../src-node/operators/password'

export const ids = {
  branch: 'branch-1',
  office: 'office-1',
  workstation: 'ws-1',
  supplier: 'supplier-1',
}

export const testOperators = [
  {
    id: 'op-clerk',
    login: 'clerk',
    password: 'clerk-pass',
    role: 'clerk',
    fullName: 'Иванова Мария Петровна',
  },
  {
    id: 'op-cashier',
    login: 'cashier',
    password: 'cashier-pass',
    role: 'cashier',
    fullName: 'Петров Олег Ильич',
  },
  {
    id: 'op-super',
    login: 'super',
    password: 'super-pass',
    role: 'supervisor',
    fullName: 'Сидорова Анна Юрьевна',
  },
] as const

/** The supplier of every test's accounts, the same row in a replica and on the server. */
export const testSupplier = {
  id: ids.supplier,
  name: 'АО «Тверьэнергосбыт»',
  shortName: 'Тверьэнергосбыт',
  inn: '6901067107',
  bankAccount: '40702810563000001234',
  bankName: 'Тверское отделение № 8607 ПАО Сбербанк',
  bic: '042809679',
  correspondentAccount: '30101810700000000679',
}

/** The services tests bill: electricity and hot water. */
export const testServices: (typeof t.services.$inferInsert)[] = [
  { code: 'electricity', name: 'Электроэнергия', unit: 'кВт·ч' },
  { code: 'hot_water', name: 'Горячая вода', unit: 'м³' },
]

/** The branch, office, workstation, supplier, services and operators a replica needs to work. */
export function seedReference(db: Db): void {
  db.insert(t.branches).values({ id: ids.branch, code: 'KNK', name: 'Конаковский филиал' }).run()
  db.insert(t.offices)
    .values({
      id: ids.office,
      branchId: ids.branch,
      name: 'Офис Конаково',
      address: 'г. Конаково, ул. Энергетиков, 17',
    })
    .run()
  db.insert(t.workstations)
    .values({ id: ids.workstation, officeId: ids.office, name: 'Окно 1', receiptPrefix: 'K1' })
    .run()
  db.update(t.deviceState)
    .set({ workstationId: ids.workstation, receiptPrefix: 'K1' })
    .where(eq(t.deviceState.id, 1))
    .run()
  db.insert(t.suppliers).values(testSupplier).run()
  db.insert(t.services).values(testServices).run()
  for (const op of testOperators) {
    db.insert(t.operators)
      .values({
        id: op.id,
        login: op.login,
        fullName: op.fullName,
        role: op.role,
        officeId: ids.office,
        passwordHash: hashPassword(op.password),
        createdAt: '2026-01-01T00:00:00.000Z',
      })
      .run()
  }
}

export function accountInput(overrides: Partial<RegisterAccountInput> = {}): RegisterAccountInput {
  return {
    number: '7700000001',
    els: null,
    officeId: ids.office,
    holder: {
      lastName: 'Смирнов',
      firstName: 'Алексей',
      middleName: 'Игоревич',
      phone: '8 (916) 123-45-67',
      email: null,
    },
    relation: 'owner',
    address: {
      region: 'Тверская обл.',
      settlement: 'г. Конаково',
      street: 'ул. Ленина',
      house: '5',
      building: null,
      flat: '12',
    },
    totalArea: '54,3',
    livingArea: '38',
    rooms: 2,
    residents: 3,
    tariffGroup: 'urban_gas',
    services: [{ service: 'electricity', supplierId: ids.supplier }],
    notes: null,
    ...overrides,
  }
}

export interface TempApp {
  app: App
  dir: string
  /** Moves the clock the handlers see. */
  advance(ms: number): void
  cleanup(): void
}

/** The workstation app over the data folder `dir`, printing PDFs into it: a test's app. */
export function appIn(dir: string, options: Partial<AppOptions> = {}): App {
  return createApp({
    dataDir: dir,
    appVersion: 'test',
    printer: chromiumPdfPrinter(join(dir, 'printed')),
    ...options,
  })
}

export function tempApp(start = new Date('2026-11-20T09:00:00Z')): TempApp {
  const dir = mkdtempSync(join(tmpdir(), 'energo-test-'))
  let now = start.getTime()
  const app = appIn(dir, { clock: () => new Date(now) })
  seedReference(app.services.db)
  return {
    app,
    dir,
    advance: (ms) => {
      now += ms
    },
    cleanup: () => {
      app.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** An account registered in the replica as the system does it (no operator), at the app's clock. */
export function registerTestAccount(
  temp: TempApp,
  overrides: Partial<RegisterAccountInput> = {},
): string {
  const input = registerAccountSchema.parse(accountInput(overrides))
  return executeCommand(temp.app.services.db, registerAccount, input, {
    operatorId: null,
    now: temp.app.services.clock(),
  }).accountId
}

type MeterRow = typeof t.meters.$inferInsert
type ReadingRow = typeof t.readings.$inferInsert

/** A reading a test seeds: by phone, billed, typed as its value, entered at 10:00 UTC, unless told. */
export type TestReading = Pick<ReadingRow, 'id' | 'zone' | 'value' | 'readingDate'> &
  Partial<ReadingRow>

/**
 * A meter of an account in the replica with its readings, as a pull would have brought them: a
 * two-zone Меркурий 201.5 (6+1 digits, serial 41234567) installed 2015-05-01, unless told.
 */
export function insertTestMeter(
  temp: TempApp,
  meter: Pick<MeterRow, 'id' | 'accountId'> & Partial<MeterRow>,
  readings: readonly TestReading[] = [],
): void {
  const db = temp.app.services.db
  db.insert(t.meters)
    .values({
      service: 'electricity',
      model: 'Меркурий 201.5',
      serialNumber: '41234567',
      zones: 2,
      intDigits: 6,
      fracDigits: 1,
      installedAt: '2015-05-01',
      ...meter,
    })
    .run()
  if (readings.length === 0) return
  db.insert(t.readings)
    .values(
      readings.map((r) => ({
        rawValue: String(r.value),
        enteredAt: `${r.readingDate}T10:00:00Z`,
        period: r.readingDate.slice(0, 7),
        source: 'phone' as const,
        status: 'billed' as const,
        ...r,
        meterId: meter.id,
        accountId: meter.accountId,
      })),
    )
    .run()
}

/** An account registered as registerTestAccount does, with a meter and its readings: its id. */
export function registerAccountWithMeter(
  temp: TempApp,
  meter: Omit<Parameters<typeof insertTestMeter>[1], 'accountId'>,
  readings: readonly TestReading[] = [],
  account: Partial<RegisterAccountInput> = {},
): string {
  const accountId = registerTestAccount(temp, account)
  insertTestMeter(temp, { ...meter, accountId }, readings)
  return accountId
}
