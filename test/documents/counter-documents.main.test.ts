import { execFileSync } from 'node:child_process'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { lawSettingRows } from '../../src-shared/billing/law-history'
import { buildBill } from '../../src-shared/documents/bill'
import { gostPayload } from '../../src-shared/documents/gost-payment'
import { billInputOf } from '../../src-main/documents/bill-data'
import { ids, tempApp, testOperators, type TempApp, registerTestAccount } from '../support/temp-app'
import { appTab } from '../support/app-tab'

let t: TempApp
let accountId: string
const tab = 'web:desk'
const cashier = testOperators[1]
const nbsp = '\u00a0'

/** September and October billed (October with a penalty), 500,00 ₽ paid in October. */
beforeEach(async () => {
  t = tempApp(new Date('2026-11-20T09:00:00Z'))
  const db = t.app.services.db
  accountId = registerTestAccount(t)
  const setting = db.$client.prepare(
    'INSERT OR REPLACE INTO settings (key, valid_from, value) VALUES (?, ?, ?)',
  )
  for (const r of lawSettingRows()) setting.run(r.key, r.validFrom, r.value)
  const charge = db.$client.prepare(
    `INSERT INTO charges (id, account_id, supplier_id, service, period, kind, volume, basis,
                          rate_millikopecks, amount, created_at, zone)
     VALUES (?, ?, ?, 'electricity', ?, ?, ?, ?, ?, ?, '2026-11-01T00:00:00Z', 'T1')`,
  )
  charge.run('c9', accountId, ids.supplier, '2026-09', 'charge', '200', 'meter', 500_000, 100_000)
  charge.run('c10', accountId, ids.supplier, '2026-10', 'charge', '240', 'meter', 500_000, 120_000)
  charge.run('p10', accountId, ids.supplier, '2026-10', 'penalty', null, null, null, 1_234)
  const bill = db.$client.prepare(
    `INSERT INTO bills (id, account_id, period, document_number, opening_balance, charged,
                        penalties, paid, closing_balance, due_date, created_at)
     VALUES (?, ?, ?, ?, 0, 0, 0, 0, 0, ?, '2026-11-01T00:00:00Z')`,
  )
  bill.run('b9', accountId, '2026-09', '7700000001-202609', '2026-10-10')
  bill.run('b10', accountId, '2026-10', '7700000001-202610', '2026-11-10')
  db.$client
    .prepare(
      `INSERT INTO payments (id, account_id, paid_at, amount, method, channel, receipt_number, created_at)
       VALUES ('pay1', ?, '2026-10-05T08:00:00Z', 50000, 'transfer', 'bank', NULL, '2026-10-05T08:00:00Z')`,
    )
    .run(accountId)
  db.$client
    .prepare(
      `INSERT INTO payment_lines (id, payment_id, supplier_id, service, amount)
       VALUES ('pl1', 'pay1', ?, 'electricity', 50000)`,
    )
    .run(ids.supplier)
  await t.app.dispatch('session.login', { login: cashier.login, password: cashier.password }, tab)
})
afterEach(() => t.cleanup())

const { call, value } = appTab(() => t, tab)

describe('documents from the card, read from the replica', () => {
  it('lists the billed periods and the account services', async () => {
    expect(await value('documents.choices', { accountId })).toEqual({
      today: '2026-11-20',
      periods: [
        { period: '2026-10', documentNumber: '7700000001-202610' },
        { period: '2026-09', documentNumber: '7700000001-202609' },
      ],
      services: ['electricity'],
    })
  })

  it('previews the October bill as a duplicate with its figures', async () => {
    const { html, title } = await value('documents.preview', {
      kind: 'bill',
      accountId,
      period: '2026-10',
    })
    expect(title).toBe('Единый платежный документ за октябрь 2026')
    for (const text of [
      'ДУБЛИКАТ',
      '7700000001-202610',
      'Смирнов Алексей Игоревич',
      '240 кВт·ч',
      'по счетчику',
      `<td class="n">1${nbsp}000,00${nbsp}₽</td>`, // September's debt at the start
      `12,34${nbsp}₽`, // the penalty
      `1${nbsp}712,34${nbsp}₽`, // 1 000 + 1 200 + 12,34 - 500
      '<img class="qr" alt="QR"',
    ])
      expect(html).toContain(text)
  })

  it('refuses a bill for a period not billed, in Russian', async () => {
    const r = await call('documents.preview', { kind: 'bill', accountId, period: '2026-11' })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.message).toBe('Счет за этот период не выставлен.')
  })

  it('prints a reconciliation statement for a range to PDF, with an audit entry', async () => {
    const printed = await value('documents.print', {
      kind: 'reconciliation',
      accountId,
      from: '2026-10-01',
      to: '2026-10-31',
    })
    expect(printed.kind).toBe('pdf')
    const text = execFileSync('pdftotext', ['-layout', printed.target, '-'])
      .toString()
      .replace(/\s+/g, ' ')
    for (const words of [
      'Акт сверки взаимных расчетов',
      'с 01.10.2026 по 31.10.2026',
      '1 000,00 ₽', // the opening balance: September
      'Оплата (банк)',
      '1 712,34 ₽',
      'Задолженность в пользу АО «Тверьэнергосбыт» составляет 1 712,34 ₽',
    ])
      expect(text).toContain(words)
    const audit = t.app.services.db.$client
      .prepare(
        `SELECT action, account_id AS accountId, operator_id AS operatorId, details FROM audit_log WHERE action = 'document.print'`,
      )
      .all() as { action: string; accountId: string; operatorId: string; details: string }[]
    expect(audit).toHaveLength(1)
    expect(audit[0]).toMatchObject({ accountId, operatorId: cashier.id })
    expect(JSON.parse(audit[0]!.details)).toMatchObject({
      kind: 'pdf',
      from: '2026-10-01',
      to: '2026-10-31',
    })
  })

  it('previews the debt statement and the penalty sheet on a date', async () => {
    const cert = await value('documents.preview', {
      kind: 'certificate',
      accountId,
      date: '2026-11-20',
    })
    expect(cert.html).toContain('Справка о наличии задолженности')
    const none = await value('documents.preview', {
      kind: 'certificate',
      accountId,
      date: '2026-09-01',
    })
    expect(none.html).toContain('Справка об отсутствии задолженности')
    const sheet = await value('documents.preview', {
      kind: 'penalties',
      accountId,
      date: '2026-12-31',
    })
    expect(sheet.html).toContain('Расчет пеней на 31.12.2026')
    expect(sheet.html).toContain('сентябрь 2026')
    expect(sheet.html).toContain('1/300')
  })

  it('names the missing field of a reconciliation as the clerk sees it', async () => {
    const r = await call('documents.preview', {
      kind: 'reconciliation',
      accountId,
      from: '2026-10-01',
    })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.fields?.to).toMatch(/не заполнено/)
  })
})

describe('paying by scanning the bill', () => {
  const payload = () => {
    const bill = buildBill(
      billInputOf(t.app.services.db, accountId, '2026-10', 'Europe/Moscow', false),
    )
    return bill.sections[0]!.qrPayload
  }

  it('opens the account with the bill sum split as the bill split it', async () => {
    const scanned = await value('documents.scan', { text: `${payload()}\n` })
    expect(scanned).toEqual({
      accountId,
      accountNumber: '7700000001',
      period: '2026-10',
      supplierId: ids.supplier,
      total: 171_234,
      lines: [{ supplierId: ids.supplier, service: 'electricity', amount: 171_234 }],
    })
  })

  it.each([
    ['a plain number', '7700000001', 'Это не платежный QR-код квитанции'],
    [
      'another payee',
      () =>
        gostPayload(
          {
            name: 'ООО Чужая',
            personalAcc: '40702810000000000001',
            bankName: 'Банк',
            bic: '044525225',
            correspAcc: '30101810400000000225',
          },
          { sum: 100, persAcc: '7700000001', paymPeriod: '102026' },
        ),
      'не нашим поставщиком',
    ],
    [
      'an unknown account',
      () => payload().replace('PersAcc=7700000001', 'PersAcc=9999999999'),
      'Лицевой счет 9999999999 из QR-кода не найден',
    ],
    [
      'a period not billed',
      () => payload().replace('PaymPeriod=102026', 'PaymPeriod=122026'),
      'Счет за декабрь 2026',
    ],
  ])('refuses %s with a clear message', async (_what, text, message) => {
    const r = await call('documents.scan', { text: typeof text === 'function' ? text() : text })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.message).toContain(message)
  })

  it('is refused to a clerk, who takes no money', async () => {
    await t.app.dispatch('session.logout', {}, tab)
    const clerk = testOperators[0]
    await t.app.dispatch('session.login', { login: clerk.login, password: clerk.password }, tab)
    const r = await call('documents.scan', { text: payload() })
    expect(r.ok).toBe(false)
  })
})

describe('printers per kind', () => {
  it('lists the system printers (none without CUPS) with the printer chosen per kind', async () => {
    const db = t.app.services.db
    db.$client
      .prepare(
        `INSERT INTO settings (key, valid_from, value) VALUES ('documentPrinter', '2026-01-01', ?)`,
      )
      .run(JSON.stringify('HP LaserJet'))
    const choices = await value('documents.printers', {})
    expect(choices.receiptPrinter).toBe('')
    expect(choices.documentPrinter).toBe('HP LaserJet')
    expect(Array.isArray(choices.printers)).toBe(true)
  })

  it('prints a test page on the 80 mm roll: saved as PDF where no printer is chosen', async () => {
    const printed = await value('documents.testPage', { layout: '80mm' })
    expect(printed.kind).toBe('pdf')
    const text = execFileSync('pdftotext', [printed.target, '-']).toString().replace(/\s+/g, ' ')
    expect(text).toContain('Пробная страница')
    expect(text).toContain('сохранение в PDF')
    expect(text).toContain('лента 80 мм')
    expect(text).toContain('20.11.2026 12:00')
  })
})
