import { expect, test, type Locator, type Page } from '@playwright/test'
import type Database from 'better-sqlite3'
import { uuidv7 } from 'uuidv7'
import { createBranch, createOffice } from '../../src-server/admin/reference'
import { openServerDatabase, type ServerDatabase } from '../../src-server/db/connection'
import { buildServerApp } from '../../src-server/http/app'
import { registerWorkstation } from '../../src-server/workstation/credentials'
import {
  openE2eReplica,
  roubles,
  sampleAccount,
  writeAsServerAnswer,
  type SampleAccount,
} from './replica'
import { loginAs, loginAsClerk } from './support'

const reason = 'Лицевой счет не найден в филиале рабочего места.'
let account: SampleAccount
let commandId: string
let shiftId: string
let cashierName: string
let paid: { id: string; amount: number }
const refundReceipt = 'MV01-000007'
const alreadyCancelled = 'Платеж уже отменен.'
// The central server where it moved to: a real one on loopback, which knows this workstation.
let database: ServerDatabase
let movedUrl: string
let closeServer: () => Promise<void>
// Where the workstation believes the server is: gone (nothing listens on the discard port).
const oldUrl = 'http://127.0.0.1:9'

/** A command of this workstation the server refused for `reason`, as the outbox keeps it. */
function insertRejected(
  replica: Database.Database,
  command: {
    id: string
    deviceId: string
    sequence: number
    name: string
    args: object
    createdAt: string
    reason: string
  },
): void {
  replica
    .prepare(
      `INSERT INTO outbox (id, device_id, sequence, name, args_version, args, created_at, status,
                           reject_reason, acknowledged_at)
       VALUES (?, ?, ?, ?, 1, ?, ?, 'rejected', ?, ?)`,
    )
    .run(
      command.id,
      command.deviceId,
      command.sequence,
      command.name,
      JSON.stringify(command.args),
      command.createdAt,
      command.reason,
      new Date().toISOString(),
    )
}

// What the server answered for a payment taken offline: a refusal, kept in the outbox.
test.beforeAll(() => {
  const db = openE2eReplica()
  account = sampleAccount(db, 27)
  db.close()
  commandId = uuidv7()
  writeAsServerAnswer((replica) => {
    const device = replica
      .prepare('SELECT device_id AS id, last_sequence AS seq FROM device_state')
      .get() as { id: string; seq: number }
    insertRejected(replica, {
      id: commandId,
      deviceId: device.id,
      sequence: device.seq + 1_000_000,
      name: 'payment.record',
      args: {
        accountId: account.id,
        lines: [{ supplierId: 'x', service: 'electricity', amount: 123_450 }],
        method: 'cash',
      },
      createdAt: new Date(Date.now() - 3 * 3_600_000).toISOString(),
      reason,
    })
  })
})

// A cashier's shift closed here whose report the server found different (it held no payment), and
// the workstation registered to a server that has since moved.
test.beforeAll(async () => {
  database = await openServerDatabase({})
  const branchId = await createBranch(database.db, { code: 'MOVED', name: 'Филиал' })
  const officeId = await createOffice(database.db, { branchId, name: 'Офис', address: 'Тверь' })
  const credentials = await registerWorkstation(database.db, {
    officeId,
    name: 'Окно 1',
    receiptPrefix: 'MV01',
  })
  const server = await buildServerApp({ db: database.db })
  movedUrl = await server.listen({ host: '127.0.0.1', port: 0 })
  closeServer = () => server.close()

  shiftId = uuidv7()
  const closedAt = new Date(Date.now() - 2 * 3_600_000).toISOString()
  writeAsServerAnswer((replica) => {
    replica
      .prepare(
        `INSERT INTO sync_state (id, server_url, workstation_id, secret, bootstrapped_at)
         VALUES (1, ?, ?, ?, ?)`,
      )
      .run(oldUrl, credentials.workstationId, credentials.secret, new Date().toISOString())
    const device = replica
      .prepare(
        `SELECT d.device_id AS id, d.last_sequence AS seq, d.workstation_id AS workstationId,
                w.office_id AS officeId
           FROM device_state d JOIN workstations w ON w.id = d.workstation_id`,
      )
      .get() as { id: string; seq: number; workstationId: string; officeId: string }
    const cashier = replica
      .prepare(`SELECT id, full_name AS name FROM operators WHERE login = 'cashier'`)
      .get() as { id: string; name: string }
    cashierName = cashier.name
    paid = replica.prepare('SELECT id, amount FROM payments LIMIT 1').get() as typeof paid
    replica
      .prepare(
        `INSERT INTO shifts (id, workstation_id, office_id, opened_by, opened_at, opening_cash,
                             closed_by, closed_at, counted_cash)
         VALUES (?, ?, ?, ?, ?, 0, ?, ?, 150000)`,
      )
      .run(
        shiftId,
        device.workstationId,
        device.officeId,
        cashier.id,
        new Date(Date.now() - 10 * 3_600_000).toISOString(),
        cashier.id,
        closedAt,
      )
    replica
      .prepare(
        `INSERT INTO outbox (id, device_id, sequence, name, args_version, args, operator_id,
                             created_at, status, result, acknowledged_at)
         VALUES (?, ?, ?, 'shift.close', 1, ?, ?, ?, 'sent', ?, ?)`,
      )
      .run(
        uuidv7(),
        device.id,
        device.seq + 1_000_001,
        JSON.stringify({
          countedCash: 150_000,
          shiftId,
          closedAt,
          totals: {
            payments: { count: 1, total: 150_000 },
            cancellations: { count: 1, total: paid.amount },
          },
        }),
        cashier.id,
        closedAt,
        JSON.stringify({
          shiftId,
          held: { count: 0, total: 0 },
          heldCancellations: { count: 0, total: 0 },
          totalsDiffer: true,
        }),
        new Date().toISOString(),
      )
    // In that shift a refund of a payment another desk had cancelled first: the server rejected
    // it, and the server's cancellation took its place here (set aside).
    const cancelCommand = uuidv7()
    const cancellationId = uuidv7()
    insertRejected(replica, {
      id: cancelCommand,
      deviceId: device.id,
      sequence: device.seq + 1_000_002,
      name: 'payment.cancel',
      args: {
        paymentId: paid.id,
        cancellationId,
        receiptNumber: refundReceipt,
        shiftId,
        reason: 'ошибка',
      },
      createdAt: closedAt,
      reason: alreadyCancelled,
    })
    replica
      .prepare(
        `INSERT INTO set_aside_rows (id, table_name, row_id, row, constraint_name, command_id,
                                     set_aside_at)
         VALUES (?, 'payment_cancellations', ?, ?, 'payment_cancellations.payment_id', ?, ?)`,
      )
      .run(
        uuidv7(),
        cancellationId,
        JSON.stringify({
          id: cancellationId,
          payment_id: paid.id,
          shift_id: shiftId,
          receipt_number: refundReceipt,
        }),
        cancelCommand,
        new Date().toISOString(),
      )
  })
})

/**
 * Opens a row's form (`resolve` or `shift-review`): saved empty, it names its note field; then
 * the note is typed.
 */
async function writeNote(
  page: Page,
  row: Locator,
  form: 'resolve' | 'shift-review',
  field: string,
  note: string,
): Promise<void> {
  await row.getByTestId(`sync-${form}`).click()
  await page.getByTestId(`sync-${form}-save`).click()
  await expect(page.getByTestId(`sync-${form}-error`)).toContainText(field)
  await page.getByTestId(`sync-${form}-note`).fill(note)
}

// The replica goes back to an unregistered one for whatever runs after.
test.afterAll(async () => {
  writeAsServerAnswer((replica) => replica.prepare('DELETE FROM sync_state').run())
  await closeServer?.()
  await database?.close()
})

test('the Sync screen shows a rejected payment with the server reason; a supervisor resolves it', async ({
  page,
}) => {
  await loginAsClerk(page)
  await page.getByTestId('sync-status').click()
  await expect(page.getByText('Синхронизация с центральным сервером')).toBeVisible()
  const rejected = page
    .getByTestId('sync-rejected')
    .locator('tr')
    .filter({ hasText: account.number })
  await expect(rejected.getByTestId('sync-operation')).toHaveText('Прием платежа')
  await expect(rejected.getByTestId('sync-reason')).toHaveText(reason)
  await expect(rejected).toContainText('1 234,50')
  // A clerk sees it but leaves it to the supervisor.
  await expect(rejected.getByTestId('sync-resolve')).toHaveCount(0)
  await expect(rejected).toContainText('Ждет старшего смены')

  await page.getByTestId('logout').click()
  await loginAs(page, 'supervisor', 'supervisor123')
  await page.getByTestId('sync-status').click()
  const row = page.getByTestId('sync-rejected').locator('tr').filter({ hasText: account.number })
  await writeNote(
    page,
    row,
    'resolve',
    'Что сделано:',
    'Деньги возвращены плательщику, расходный ордер 12',
  )
  // A payment is offered a move to another account first; that account must exist here.
  await page.getByTestId('sync-reassign-account').fill('7799999999')
  await page.getByTestId('sync-resolve-save').click()
  await expect(page.getByTestId('sync-reassign-error')).toHaveText(
    'Перенести на счет: лицевой счет 7799999999 не найден.',
  )
  await page.getByTestId('sync-resolve-kind').click()
  await page.getByRole('option', { name: 'Деньги возвращены' }).click()
  await page.getByTestId('sync-resolve-save').click()
  const resolution = row.getByTestId('sync-resolution')
  await expect(resolution).toContainText('Деньги возвращены')
  await expect(resolution).toContainText('расходный ордер 12')
  await expect(resolution).toContainText('Соколов')
  // The rejection itself stays listed.
  await expect(row.getByTestId('sync-reason')).toHaveText(reason)
})

test('an admin moves the workstation to the new server address and looks into a shift total difference', async ({
  page,
}) => {
  // A clerk reads the address but does not change it, and is not shown shift differences.
  await loginAsClerk(page)
  await page.getByTestId('sync-status').click()
  await expect(page.getByTestId('sync-server-url-text')).toHaveText(oldUrl)
  await expect(page.getByTestId('sync-server-save')).toHaveCount(0)
  await expect(page.getByTestId('sync-shift-differences')).toHaveCount(0)
  await expect(page.getByTestId('sync-shift-differences-badge')).toHaveCount(0)

  // A supervisor looks into differences but does not move the workstation to another server.
  await page.getByTestId('logout').click()
  await loginAs(page, 'supervisor', 'supervisor123')
  await page.getByTestId('sync-status').click()
  await expect(page.getByTestId('sync-server-url-text')).toHaveText(oldUrl)
  await expect(page.getByTestId('sync-server-save')).toHaveCount(0)

  await page.getByTestId('logout').click()
  await loginAs(page, 'admin', 'admin123')
  await expect(page.getByTestId('sync-shift-differences-badge')).toHaveText('Расхождения смен: 1')
  await page.getByTestId('sync-status').click()

  // The new address: a typo is named, then checked and saved.
  const address = page.getByTestId('sync-server-url')
  await expect(address).toHaveValue(oldUrl)
  await address.fill('newhost:5190')
  await page.getByTestId('sync-server-save').click()
  await expect(page.getByTestId('sync-server-error')).toHaveText(
    'Адрес сервера: адрес вида https://сервер:5190',
  )
  await address.fill(movedUrl)
  await page.getByTestId('sync-server-check').click()
  await expect(page.getByTestId('sync-server-notice')).toHaveText(
    'Сервер отвечает и знает это рабочее место',
  )
  await expect(page.getByTestId('sync-server-error')).toHaveCount(0)
  await page.getByTestId('sync-server-save').click()
  await expect(page.getByTestId('sync-server-notice')).toHaveText(
    `Адрес сервера изменен: синхронизация идет через ${movedUrl}`,
  )
  await page.reload()
  await expect(page.getByTestId('sync-server-url')).toHaveValue(movedUrl)
  const replica = openE2eReplica()
  try {
    const moved = replica
      .prepare(`SELECT details FROM audit_log WHERE action = 'sync.changeServer'`)
      .pluck()
      .all()
    expect(moved).toEqual([
      JSON.stringify({ old: { serverUrl: oldUrl }, new: { serverUrl: movedUrl } }),
    ])
  } finally {
    replica.close()
  }

  // The shift the server found different: both sides, then looked into.
  await expect(page.getByTestId('sync-shift-differences-heading')).toHaveText(
    'Расхождения итогов смен: 1',
  )
  const row = page.getByTestId('sync-shift-differences').locator('tbody tr')
  await expect(row).toHaveCount(1)
  await expect(row).toContainText(cashierName)
  await expect(row.getByTestId('sync-shift-reported')).toContainText(`1 пл. на ${roubles(150_000)}`)
  await expect(row.getByTestId('sync-shift-held')).toContainText(`0 пл. на ${roubles(0)}`)
  await expect(row.getByTestId('sync-shift-reported-cancellations')).toContainText(
    `1 отм. на ${roubles(paid.amount)}`,
  )
  await expect(row.getByTestId('sync-shift-held-cancellations')).toContainText(
    `0 отм. на ${roubles(0)}`,
  )
  // The refund the server rejected is named with the shift.
  await expect(row.getByTestId('sync-shift-rejected-cancellations')).toContainText(
    `отмена, чек № ${refundReceipt}`,
  )
  await expect(row.getByTestId('sync-shift-rejected-cancellations')).toContainText(alreadyCancelled)
  // And set aside for the server's cancellation, with the server's reason.
  const aside = page.getByTestId('sync-set-aside').locator('tbody tr')
  await expect(aside).toContainText('Отмена платежа')
  await expect(aside).toContainText(refundReceipt)
  await expect(aside.getByTestId('sync-set-aside-reason')).toHaveText(alreadyCancelled)
  await writeNote(
    page,
    row,
    'shift-review',
    'Что выяснено:',
    'Платеж отклонен сервером, деньги возвращены по расходному ордеру 14',
  )
  await page.getByTestId('sync-shift-review-save').click()
  await expect(page.getByTestId('sync-shift-differences')).toHaveCount(0)
  await expect(page.getByTestId('sync-shift-differences-badge')).toHaveCount(0)
})
