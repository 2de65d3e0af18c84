import { describe, expect, it } from 'vitest'
import { balanceOf, type LedgerEntry } from '../../src-shared/documents/ledger'
import { buildReconciliation, closingWording } from '../../src-shared/documents/reconciliation'
import { buildCertificate } from '../../src-shared/documents/certificate'
import { heat, julyToAugust, ledger, ours } from './support/ledger-fixtures'

const party = {
  customer: 'Иванов Иван Иванович',
  accountNumber: '690012345',
  address: 'ул. Ленина, 5',
}
const nbsp = '\u00a0'

describe('the balance: principal and penalties', () => {
  const e = (kind: LedgerEntry['kind'], amount: number): LedgerEntry => ({
    ...ours,
    date: '2026-01-01',
    kind,
    service: 'electricity',
    amount,
  })
  it.each([
    ['nothing', [], 0, 0],
    ['a charge', [e('charge', 1000)], 1000, 0],
    ['a charge and a penalty', [e('charge', 1000), e('penalty', 30)], 1000, 30],
    [
      'paid part: the principal goes first',
      [e('charge', 1000), e('penalty', 30), e('payment', 400)],
      600,
      30,
    ],
    [
      'paid past the principal: then the penalties',
      [e('charge', 1000), e('penalty', 30), e('payment', 1010)],
      0,
      20,
    ],
    [
      'overpaid: the rest stays on the principal',
      [e('charge', 1000), e('penalty', 30), e('payment', 1100)],
      -70,
      0,
    ],
    [
      'a cancellation takes the payment back',
      [e('charge', 1000), e('payment', 1000), e('cancellation', 1000)],
      1000,
      0,
    ],
    ['an opening overpayment', [e('opening', -500), e('charge', 300)], -200, 0],
  ])('%s', (_what, entries, principal, penalties) => {
    expect(balanceOf(entries)).toEqual({ principal, penalties, total: principal + penalties })
  })
})

describe('the reconciliation statement', () => {
  const model = buildReconciliation({ ...party, ...julyToAugust })

  it('opens with what was owed before the range, principal and penalties apart', () => {
    expect(model.opening).toEqual({ principal: 170_000, penalties: 1_500, total: 171_500 })
    expect(model.periodText).toBe('с 01.07.2026 по 31.08.2026')
  })

  it('lists every entry of the range in date order with the running balance', () => {
    expect(model.rows.map((r) => [r.dateText, r.what, r.debit, r.credit, r.balance])).toEqual([
      ['12.07.2026', 'Оплата (касса), квитанция № KN1-1', 0, 100_000, 71_500],
      ['31.07.2026', 'Начислено за июль 2026', 110_000, 0, 181_500],
      ['31.07.2026', 'Начислено за июль 2026', 80_000, 0, 261_500],
      ['05.08.2026', 'Оплата (касса), квитанция № KN1-2', 0, 181_500, 80_000],
      ['06.08.2026', 'Отмена оплаты, квитанция № KN1-2', 0, -181_500, 261_500],
      ['20.08.2026', 'Оплата (банк)', 0, 100_000, 161_500],
      ['31.08.2026', 'Перерасчет за август 2026', -10_000, 0, 151_500],
    ])
  })

  it('adds up the turnovers: opening + debit - credit = closing', () => {
    expect(model.debitTurnover).toBe(180_000)
    expect(model.creditTurnover).toBe(200_000)
    expect(model.closing).toBe(model.opening.total + model.debitTurnover - model.creditTurnover)
    expect(model.closing).toBe(151_500)
  })

  it('words the closing balance per supplier and in all', () => {
    expect(model.closingBySupplier.map((c) => [c.supplierName, c.balance])).toEqual([
      [ours.supplierName, 171_500],
      [heat.supplierName, -20_000],
    ])
    expect(model.closingBySupplier[1]!.wording).toBe(
      `Переплата составляет 200,00${nbsp}₽ (Двести рублей 00 копеек).`,
    )
    expect(model.closingWording).toBe(
      `Задолженность в пользу АО «Тверьэнергосбыт» составляет 1${nbsp}515,00${nbsp}₽ (Одна тысяча пятьсот пятнадцать рублей 00 копеек).`,
    )
  })

  it('describes a charge with its volume and rate', () => {
    const june = buildReconciliation({
      ...party,
      companyName: 'АО',
      from: '2026-06-01',
      to: '2026-06-30',
      serviceName: 'Электроэнергия',
      entries: ledger.filter((e) => e.service === 'electricity'),
    })
    expect(june.opening.total).toBe(0)
    expect(june.rows.map((r) => r.what)).toEqual([
      'Входящий остаток',
      'Начислено за июнь 2026, 221 кВт·ч × 5,43 ₽',
      'Пени за июнь 2026',
    ])
    expect(june.closingWording).toContain('в пользу АО «Тверьэнергосбыт»')
  })

  it.each([
    [0, 'Задолженность отсутствует.'],
    [1, `Задолженность в пользу Х составляет 0,01${nbsp}₽ (Ноль рублей 01 копейка).`],
    [-2_100, `Переплата составляет 21,00${nbsp}₽ (Двадцать один рубль 00 копеек).`],
  ])('closing %d reads «%s»', (balance, text) => {
    expect(closingWording(balance, 'Х')).toBe(text)
  })

  it('refuses a range that ends before it starts', () => {
    expect(() =>
      buildReconciliation({
        ...party,
        companyName: 'А',
        from: '2026-02-01',
        to: '2026-01-01',
        serviceName: null,
        entries: [],
      }),
    ).toThrow(/after/)
  })
})

describe('the certificate of no debt / debt statement', () => {
  it.each([
    ['2026-05-31', 'no_debt', 'Справка об отсутствии задолженности', 0],
    ['2026-07-12', 'debt', 'Справка о наличии задолженности', 71_500],
    ['2026-08-05', 'debt', 'Справка о наличии задолженности', 80_000],
    ['2026-08-31', 'debt', 'Справка о наличии задолженности', 171_500],
  ])('on %s: %s', (date, kind, title, total) => {
    const c = buildCertificate({
      ...party,
      companyName: 'АО',
      number: 'С-1',
      date,
      entries: ledger,
    })
    expect([c.kind, c.title, c.total]).toEqual([kind, title, total])
    if (kind === 'no_debt')
      expect(c.statement).toContain('задолженность по лицевому счету № 690012345 отсутствует')
    else expect(c.statement).toContain('имеется задолженность')
  })

  it('leaves an overpaid service out of the debt', () => {
    const c = buildCertificate({
      ...party,
      companyName: 'АО',
      number: 'С-2',
      date: '2026-08-31',
      entries: ledger,
    })
    expect(c.lines.map((l) => [l.serviceName, l.principal, l.penalties])).toEqual([
      ['Электроэнергия', 170_000, 1_500],
    ])
  })
})
