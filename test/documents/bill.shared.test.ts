import { describe, expect, it } from 'vitest'
import { buildBill, tariffRub } from '../../src-shared/documents/bill'
import { parseGostPayload } from '../../src-shared/documents/gost-payment'
import { billInput } from './support/bill-fixtures'

describe('the monthly bill (ЕПД)', () => {
  const bill = buildBill(billInput)

  it('gives each supplier its services with every figure', () => {
    const [ours, heat] = bill.sections
    expect(ours!.rows.map((r) => [r.serviceName, r.volumeText, r.basisText, r.tariffText])).toEqual(
      [['Электроэнергия', '180 кВт·ч; 90 кВт·ч', 'по счетчику', '6,31; 3,525']],
    )
    expect(ours!.rows[0]).toMatchObject({
      opening: 150_000,
      charged: 145_305,
      recalculated: -2_000,
      penalties: 317,
      paid: 100_000,
      total: 193_622,
    })
    expect(heat!.rows[0]).toMatchObject({
      volumeText: '1,2345 Гкал',
      basisText: 'по нормативу',
      tariffText: '2500,00',
      total: 308_625,
    })
  })

  it('totals the bill: the debt at the start, paid, due', () => {
    expect([bill.opening, bill.paid, bill.total]).toEqual([150_000, 100_000, 502_247])
    expect(bill.dueDateText).toBe('15.12.2026')
    expect(bill.lastPaymentText).toBe('12.11.2026')
    expect(bill.title).toBe('Единый платежный документ за ноябрь 2026')
  })

  it('carries one QR per supplier with its own sum, penalty part, account and period', () => {
    const fields = bill.sections.map((s) => {
      const parsed = parseGostPayload(s.qrPayload)
      if (!parsed.ok) throw new Error(parsed.reason)
      return parsed.fields
    })
    expect(
      fields.map((f) => [f.PersonalAcc, f.Sum, f.AddAmount, f.PersAcc, f.PaymPeriod, f.TechCode]),
    ).toEqual([
      ['40702810863000001234', '193622', '317', '690012345', '112026', '02'],
      ['40702810400000004321', '308625', undefined, '690012345', '112026', '02'],
    ])
    expect(fields[0]!.Purpose).toBe('Оплата ЕПД № 690012345-202611')
  })

  it('asks nothing in the QR of a supplier paid ahead', () => {
    const ahead = buildBill({
      ...billInput,
      services: billInput.services.map((s) =>
        s.service === 'heating' ? { ...s, paid: 400_000 } : s,
      ),
    })
    expect(ahead.sections[1]!.due).toBe(0)
    expect(ahead.sections[1]!.rows[0]!.total).toBe(-91_375)
  })

  it('leaves out a supplier with no service on the account', () => {
    const one = buildBill({ ...billInput, services: billInput.services.slice(0, 1) })
    expect(one.sections.map((s) => s.supplier.id)).toEqual(['sup-1'])
  })

  it('puts the short name in the QR when the full one overflows the 300-byte block', () => {
    const long = 'Акционерное общество «Верхневолжская энергосбытовая компания» '.repeat(2).trim()
    const suppliers = billInput.suppliers.map((s, i) =>
      i === 0 ? { ...s, name: long, shortName: 'АО «Верхневолжскэнергосбыт»' } : s,
    )
    const fallback = buildBill({ ...billInput, suppliers })
    const parsed = parseGostPayload(fallback.sections[0]!.qrPayload)
    expect(parsed.ok && parsed.fields.Name).toBe('АО «Верхневолжскэнергосбыт»')
    expect(fallback.sections[1]!.qrPayload).toContain('Name=ООО «Конаковская тепловая компания»')
    expect(() =>
      buildBill({ ...billInput, suppliers: suppliers.map((s) => ({ ...s, shortName: null })) }),
    ).toThrow(/over 300/)
  })

  it.each([
    [463_000, '4,63'],
    [352_500, '3,525'],
    [100_000, '1,00'],
    [1, '0,00001'],
  ])('writes the tariff %d as %s', (rate, text) => {
    expect(tariffRub(rate)).toBe(text)
  })
})
