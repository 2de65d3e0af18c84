import type { Service } from '../accounts/domain'
import { formatRub } from '../money/format'
import { gostPayload, gostPeriod, MandatoryBlockTooLong } from './gost-payment'
import { serviceNames } from './labels'
import { periodName, ruDate } from './reconciliation'

export interface BillSupplierInput {
  id: string
  name: string
  /** The QR's Name when the full name would not fit the 300-byte mandatory block. */
  shortName?: string | null
  inn: string
  kpp: string | null
  bankAccount: string
  bankName: string
  bic: string
  correspondentAccount: string
  phone: string | null
}

export interface BillChargeLine {
  kind: 'charge' | 'recalculation' | 'penalty'
  /** Decimal string in the service's unit. */
  volume: string | null
  basis: 'meter' | 'average' | 'norm' | null
  rateMillikopecks: number | null
  amount: number
}

export interface BillServiceInput {
  service: Service
  serviceName?: string
  supplierId: string
  unit: string
  /** The service's debt at the start of the period (negative: paid ahead), kopecks. */
  opening: number
  /** Paid in the period. */
  paid: number
  lines: readonly BillChargeLine[]
}

export interface BillMeterInput {
  number: string
  serviceName: string
  zone: string
  previous: string | null
  current: string | null
  /** YYYY-MM-DD or null. */
  nextVerification: string | null
}

export interface BillInput {
  period: string
  documentNumber: string
  els: string | null
  accountNumber: string
  payer: { lastName: string; firstName: string; middleName: string | null }
  address: string
  totalArea: string | null
  residents: number
  suppliers: readonly BillSupplierInput[]
  services: readonly BillServiceInput[]
  meters: readonly BillMeterInput[]
  /** YYYY-MM-DD */
  dueDate: string
  lastPaymentDate: string | null
  /** Day of the month readings are due by (a dated setting). */
  readingCutoffDay: number
  /** A second print of a bill already issued: marked as such. */
  duplicate: boolean
}

export interface BillServiceRow {
  service: Service
  serviceName: string
  volumeText: string
  basisText: string
  tariffText: string
  opening: number
  charged: number
  recalculated: number
  penalties: number
  paid: number
  total: number
  texts: Record<'opening' | 'charged' | 'recalculated' | 'penalties' | 'paid' | 'total', string>
}

export interface BillSupplierSection {
  supplier: BillSupplierInput
  rows: BillServiceRow[]
  /** What the QR asks for: the supplier's total due, never below zero. */
  due: number
  dueText: string
  penalties: number
  qrPayload: string
}

export interface BillModel {
  title: string
  duplicate: boolean
  period: string
  periodText: string
  documentNumber: string
  els: string | null
  accountNumber: string
  payer: string
  address: string
  totalArea: string | null
  residents: number
  sections: BillSupplierSection[]
  opening: number
  paid: number
  total: number
  texts: Record<'opening' | 'paid' | 'total', string>
  lastPaymentText: string | null
  dueDateText: string
  meters: (BillMeterInput & { nextVerificationText: string })[]
  readingReminder: string
}

const basisNames: Record<NonNullable<BillChargeLine['basis']>, string> = {
  meter: 'по счетчику',
  average: 'по среднему',
  norm: 'по нормативу',
}

/** A rate in 1/1000 kopeck as roubles, no trailing zeros past two decimals: 463000 -> "4,63". */
export function tariffRub(rateMillikopecks: number): string {
  const whole = Math.trunc(rateMillikopecks / 100_000)
  let frac = String(rateMillikopecks % 100_000).padStart(5, '0')
  while (frac.length > 2 && frac.endsWith('0')) frac = frac.slice(0, -1)
  return `${whole},${frac}`
}

function joined(values: (string | null)[]): string {
  return [...new Set(values.filter((v): v is string => v !== null && v !== ''))].join('; ')
}

function serviceRow(s: BillServiceInput): BillServiceRow {
  const charges = s.lines.filter((l) => l.kind === 'charge')
  const sum = (kind: BillChargeLine['kind']) =>
    s.lines.filter((l) => l.kind === kind).reduce((t, l) => t + l.amount, 0)
  const charged = sum('charge')
  const recalculated = sum('recalculation')
  const penalties = sum('penalty')
  const total = s.opening + charged + recalculated + penalties - s.paid
  return {
    service: s.service,
    serviceName: s.serviceName ?? serviceNames[s.service],
    volumeText: joined(
      charges.map((l) => (l.volume ? `${l.volume.replace('.', ',')} ${s.unit}` : null)),
    ),
    basisText: joined(charges.map((l) => (l.basis ? basisNames[l.basis] : null))),
    tariffText: joined(
      charges.map((l) => (l.rateMillikopecks === null ? null : tariffRub(l.rateMillikopecks))),
    ),
    opening: s.opening,
    charged,
    recalculated,
    penalties,
    paid: s.paid,
    total,
    texts: {
      opening: formatRub(s.opening),
      charged: formatRub(charged),
      recalculated: formatRub(recalculated),
      penalties: formatRub(penalties),
      paid: formatRub(s.paid),
      total: formatRub(total),
    },
  }
}

/**
 * The payload with the supplier's full name, or its short name when the full one does not fit
 * the standard's 300-byte mandatory block (Cyrillic takes two bytes a letter).
 */
function payloadFitting(supplier: BillSupplierInput, payload: (name: string) => string): string {
  try {
    return payload(supplier.name)
  } catch (error) {
    if (!supplier.shortName || !(error instanceof MandatoryBlockTooLong)) throw error
    return payload(supplier.shortName)
  }
}

/**
 * The monthly bill (ЕПД, model form of order 43/пр): per supplier its services with volume,
 * basis, tariff, charge, recalculation, penalties and total; the debt at the start and what was
 * paid; one payment QR code per supplier carrying that supplier's total due and the penalty part.
 */
export function buildBill(input: BillInput): BillModel {
  const payer = [input.payer.lastName, input.payer.firstName, input.payer.middleName]
    .filter(Boolean)
    .join(' ')
  const sections = input.suppliers
    .map((supplier): BillSupplierSection | null => {
      const rows = input.services.filter((s) => s.supplierId === supplier.id).map(serviceRow)
      if (rows.length === 0) return null
      const total = rows.reduce((t, r) => t + r.total, 0)
      const due = Math.max(0, total)
      const penalties = Math.min(
        due,
        Math.max(
          0,
          rows.reduce((t, r) => t + r.penalties, 0),
        ),
      )
      const qrPayload = payloadFitting(supplier, (name) =>
        gostPayload(
          {
            name,
            personalAcc: supplier.bankAccount,
            bankName: supplier.bankName,
            bic: supplier.bic,
            correspAcc: supplier.correspondentAccount,
            payeeInn: supplier.inn,
            kpp: supplier.kpp,
          },
          {
            sum: due,
            // Short: every byte makes the code denser on paper (the period has its own field).
            purpose: `Оплата ЕПД № ${input.documentNumber}`,
            persAcc: input.accountNumber,
            lastName: input.payer.lastName,
            firstName: input.payer.firstName,
            middleName: input.payer.middleName,
            paymPeriod: gostPeriod(input.period),
            addAmount: penalties,
          },
        ),
      )
      return { supplier, rows, due, dueText: formatRub(due), penalties, qrPayload }
    })
    .filter((s): s is BillSupplierSection => s !== null)
  const all = sections.flatMap((s) => s.rows)
  const opening = all.reduce((t, r) => t + r.opening, 0)
  const paid = all.reduce((t, r) => t + r.paid, 0)
  const total = all.reduce((t, r) => t + r.total, 0)
  return {
    title: `Единый платежный документ за ${periodName(input.period)}`,
    duplicate: input.duplicate,
    period: input.period,
    periodText: periodName(input.period),
    documentNumber: input.documentNumber,
    els: input.els,
    accountNumber: input.accountNumber,
    payer,
    address: input.address,
    totalArea: input.totalArea,
    residents: input.residents,
    sections,
    opening,
    paid,
    total,
    texts: { opening: formatRub(opening), paid: formatRub(paid), total: formatRub(total) },
    lastPaymentText: input.lastPaymentDate ? ruDate(input.lastPaymentDate) : null,
    dueDateText: ruDate(input.dueDate),
    meters: input.meters.map((m) => ({
      ...m,
      nextVerificationText: m.nextVerification ? ruDate(m.nextVerification) : '—',
    })),
    readingReminder: `Передайте показания счетчиков до ${input.readingCutoffDay}-го числа месяца.`,
  }
}
