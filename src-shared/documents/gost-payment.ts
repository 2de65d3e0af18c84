/**
 * The payment QR code's text, GOST R 56042-2014: `ST0001` (version), `2` (UTF-8), the separator,
 * then Key=Value pairs. The mandatory block comes first, in the standard's order, and holds at
 * most 300 bytes; the optional fields follow in a fixed order.
 */

/** The payee of one QR code: a supplier's bank requisites. */
export interface GostPayee {
  name: string
  /** Settlement account, 20 digits. */
  personalAcc: string
  bankName: string
  /** 9 digits. */
  bic: string
  /** Correspondent account, 20 digits. */
  correspAcc: string
  payeeInn?: string | null
  kpp?: string | null
}

/** What the payer pays: amounts in kopecks. */
export interface GostPayment {
  sum?: number | null
  purpose?: string | null
  /** The account number (лицевой счет). */
  persAcc?: string | null
  lastName?: string | null
  firstName?: string | null
  middleName?: string | null
  payerAddress?: string | null
  /** The billed period as the standard spells it: MMYYYY. */
  paymPeriod?: string | null
  /** The penalty part of the sum, kopecks. */
  addAmount?: number | null
}

export const gostHeader = 'ST0001'
/** Encoding 2 = UTF-8, the only one we print or read. */
const utf8Code = '2'
export const mandatoryBlockMaxBytes = 300
/** `|` unless a value holds it; then the first of these no value holds (the standard lets any). */
const separators = ['|', '#', ';', ':', '^', '~', '_', '@', '%', '$']
/** TechCode 02: housing and utilities. */
const housingTechCode = '02'

const mandatoryKeys = ['Name', 'PersonalAcc', 'BankName', 'BIC', 'CorrespAcc'] as const
const optionalKeys = [
  'PayeeINN',
  'KPP',
  'Sum',
  'Purpose',
  'PersAcc',
  'LastName',
  'FirstName',
  'MiddleName',
  'PayerAddress',
  'PaymPeriod',
  'AddAmount',
  'TechCode',
] as const
export type GostKey = (typeof mandatoryKeys)[number] | (typeof optionalKeys)[number]

function digits(value: string, count: number, what: string): string {
  const text = value.trim()
  if (!new RegExp(`^\\d{${count}}$`).test(text))
    throw new Error(`QR: ${what} is not ${count} digits: ${text}`)
  return text
}

function kopecks(value: number, what: string): string {
  if (!Number.isSafeInteger(value) || value < 0)
    throw new Error(`QR: ${what} is not whole kopecks: ${value}`)
  return String(value)
}

/** One line of text: line breaks would break the code for a scanner typing it. */
function oneLine(value: string): string {
  return value.replace(/\s+/g, ' ').trim()
}

/** The payload's pairs, mandatory first, in order; empty optional values left out. */
export function gostFields(payee: GostPayee, payment: GostPayment): [GostKey, string][] {
  const name = oneLine(payee.name)
  const bankName = oneLine(payee.bankName)
  if (name === '' || bankName === '') throw new Error('QR: the payee or its bank has no name')
  const fields: [GostKey, string][] = [
    ['Name', name],
    ['PersonalAcc', digits(payee.personalAcc, 20, 'PersonalAcc')],
    ['BankName', bankName],
    ['BIC', digits(payee.bic, 9, 'BIC')],
    ['CorrespAcc', digits(payee.correspAcc, 20, 'CorrespAcc')],
  ]
  const optional: Partial<Record<GostKey, string>> = {
    PayeeINN: payee.payeeInn ? oneLine(payee.payeeInn) : undefined,
    KPP: payee.kpp ? oneLine(payee.kpp) : undefined,
    Sum: payment.sum == null ? undefined : kopecks(payment.sum, 'Sum'),
    Purpose: payment.purpose ? oneLine(payment.purpose) : undefined,
    PersAcc: payment.persAcc ? oneLine(payment.persAcc) : undefined,
    LastName: payment.lastName ? oneLine(payment.lastName) : undefined,
    FirstName: payment.firstName ? oneLine(payment.firstName) : undefined,
    MiddleName: payment.middleName ? oneLine(payment.middleName) : undefined,
    PayerAddress: payment.payerAddress ? oneLine(payment.payerAddress) : undefined,
    PaymPeriod: payment.paymPeriod ? digits(payment.paymPeriod, 6, 'PaymPeriod') : undefined,
    AddAmount:
      payment.addAmount == null || payment.addAmount === 0
        ? undefined
        : kopecks(payment.addAmount, 'AddAmount'),
    TechCode: housingTechCode,
  }
  for (const key of optionalKeys) {
    const value = optional[key]
    if (value !== undefined && value !== '') fields.push([key, value])
  }
  return fields
}

const utf8 = new TextEncoder()

/** The mandatory block would not fit its 300 bytes: the caller may try a shorter name. */
export class MandatoryBlockTooLong extends Error {}

/** The separator: `|`, or the first candidate no value holds. */
export function separatorFor(values: readonly string[]): string {
  const found = separators.find((s) => values.every((v) => !v.includes(s)))
  if (!found) throw new Error('QR: every separator occurs in a value')
  return found
}

/** The QR text for one payee. Throws when the mandatory block exceeds 300 bytes. */
export function gostPayload(payee: GostPayee, payment: GostPayment): string {
  const fields = gostFields(payee, payment)
  const sep = separatorFor(fields.map(([, v]) => v))
  const pairs = fields.map(([k, v]) => `${k}=${v}`)
  const mandatory = [`${gostHeader}${utf8Code}`, ...pairs.slice(0, mandatoryKeys.length)].join(sep)
  const bytes = utf8.encode(mandatory).length
  if (bytes > mandatoryBlockMaxBytes)
    throw new MandatoryBlockTooLong(
      `QR: the mandatory block is ${bytes} bytes, over ${mandatoryBlockMaxBytes}`,
    )
  return [mandatory, ...pairs.slice(mandatoryKeys.length)].join(sep)
}

/** MMYYYY, the standard's period, from YYYY-MM. */
export function gostPeriod(period: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(period)
  if (!m) throw new Error(`not a period: ${period}`)
  return `${m[2]}${m[1]}`
}

export type ParsedGost =
  | { ok: true; fields: Partial<Record<GostKey, string>> & Record<string, string> }
  | { ok: false; reason: 'not_gost' | 'encoding' | 'malformed' }

/**
 * A scanned text read back: the header, the separator after it, the pairs. A scanner that types
 * the code may add a line break; it is not part of the payload.
 */
export function parseGostPayload(text: string): ParsedGost {
  const body = text.replace(/[\r\n]+$/, '')
  if (!body.startsWith(gostHeader)) return { ok: false, reason: 'not_gost' }
  if (body.charAt(6) !== utf8Code) return { ok: false, reason: 'encoding' }
  const sep = body.charAt(7)
  if (sep === '' || /[\w=]/.test(sep)) return { ok: false, reason: 'malformed' }
  const fields: Record<string, string> = {}
  for (const pair of body.slice(8).split(sep)) {
    const eq = pair.indexOf('=')
    if (eq <= 0) return { ok: false, reason: 'malformed' }
    fields[pair.slice(0, eq)] = pair.slice(eq + 1)
  }
  for (const key of mandatoryKeys) if (!fields[key]) return { ok: false, reason: 'malformed' }
  return { ok: true, fields }
}
