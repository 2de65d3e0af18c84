import { amountInWords } from '../money/amount-in-words'
import { formatRub } from '../money/format'
import { serviceNames } from './labels'
import { balanceOf, type LedgerEntry } from './ledger'
import { ruDate, type DocumentParty } from './reconciliation'

export interface CertificateInput extends DocumentParty {
  companyName: string
  /** YYYY-MM-DD: the balance on the end of this day. */
  date: string
  /** The certificate's number, from the audit entry that records it. */
  number: string
  entries: readonly LedgerEntry[]
}

export interface CertificateLine {
  supplierName: string
  serviceName: string
  principal: number
  penalties: number
  total: number
  principalText: string
  penaltiesText: string
  totalText: string
}

export interface CertificateModel extends DocumentParty {
  kind: 'no_debt' | 'debt'
  title: string
  number: string
  companyName: string
  dateText: string
  /** Services that owe (the debt statement) or all, each with its balance. */
  lines: CertificateLine[]
  total: number
  totalText: string
  statement: string
}

/**
 * The certificate of no debt, or the debt statement when anything is owed on the date: per
 * supplier's service, the principal and the penalties; an overpayment counts as no debt.
 */
export function buildCertificate(input: CertificateInput): CertificateModel {
  const upTo = input.entries.filter((e) => e.date <= input.date)
  const keys = [...new Set(upTo.map((e) => `${e.supplierName}\u0000${e.service}`))].sort()
  const lines = keys.map((key): CertificateLine => {
    const [supplierName, service] = key.split('\u0000') as [string, LedgerEntry['service']]
    const b = balanceOf(
      upTo.filter((e) => e.supplierName === supplierName && e.service === service),
    )
    return {
      supplierName,
      serviceName: serviceNames[service],
      principal: b.principal,
      penalties: b.penalties,
      total: b.total,
      principalText: formatRub(b.principal),
      penaltiesText: formatRub(b.penalties),
      totalText: formatRub(b.total),
    }
  })
  const owing = lines.filter((l) => l.total > 0)
  const total = owing.reduce((s, l) => s + l.total, 0)
  const dateText = ruDate(input.date)
  const kind = owing.length === 0 ? 'no_debt' : 'debt'
  const statement =
    kind === 'no_debt'
      ? `По состоянию на ${dateText} задолженность по лицевому счету № ${input.accountNumber} отсутствует.`
      : `По состоянию на ${dateText} по лицевому счету № ${input.accountNumber} имеется задолженность ` +
        `${formatRub(total)} (${amountInWords(total)}).`
  return {
    kind,
    title:
      kind === 'no_debt'
        ? 'Справка об отсутствии задолженности'
        : 'Справка о наличии задолженности',
    number: input.number,
    companyName: input.companyName,
    customer: input.customer,
    accountNumber: input.accountNumber,
    address: input.address,
    dateText,
    lines: kind === 'no_debt' ? lines : owing,
    total,
    totalText: formatRub(total),
    statement,
  }
}
