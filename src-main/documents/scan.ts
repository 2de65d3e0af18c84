import type { ScannedBill } from '../../src-shared/documents/contract'
import { buildBill } from '../../src-shared/documents/bill'
import { parseGostPayload } from '../../src-shared/documents/gost-payment'
import { periodName } from '../../src-shared/documents/reconciliation'
import { ApiFailure } from '../api/failure'
import type { Db } from '../db/connection'
import { prepared } from '../db/prepared'
import { billHeader, billInputOf } from './bill-data'

const refusals = {
  not_gost: 'Это не платежный QR-код квитанции: отсканируйте код с квитанции (ЕПД).',
  encoding: 'QR-код квитанции в кодировке, которую касса не читает: нужен код в UTF-8.',
  malformed: 'QR-код прочитан не полностью: отсканируйте его еще раз.',
}

/** Whole kopecks, as the code writes them; anything else is not a sum we take. */
function kopecksOf(text: string | undefined): number | null {
  return text !== undefined && /^\d{1,13}$/.test(text) ? Number(text) : null
}

/**
 * A bill's payment QR read at the counter (a scanner types it, then Enter): the account, the
 * period and that supplier's lines as the bill split them. The sum printed in the code is what
 * the customer came to pay: the lines take it service by service in the bill's order, the
 * first line any rest.
 */
export function scannedBill(db: Db, text: string, timeZone: string): ScannedBill {
  const parsed = parseGostPayload(text.trim())
  if (!parsed.ok) throw new ApiFailure('invalid_input', refusals[parsed.reason])
  const f = parsed.fields
  // A code of another payee first: the rest of it is none of our business.
  const supplier = prepared(db.$client, 'SELECT id FROM suppliers WHERE bank_account = ?').get(
    f.PersonalAcc,
  ) as { id: string } | undefined
  if (!supplier)
    throw new ApiFailure(
      'invalid_input',
      `QR-код выставлен не нашим поставщиком: счет получателя ${f.PersonalAcc} не известен.`,
    )
  const accountNumber = f.PersAcc?.trim()
  if (!accountNumber)
    throw new ApiFailure('invalid_input', 'В QR-коде нет номера лицевого счета (PersAcc).')
  const account = prepared(db.$client, 'SELECT id FROM accounts WHERE number = ?').get(
    accountNumber,
  ) as { id: string } | undefined
  if (!account)
    throw new ApiFailure(
      'not_found',
      `Лицевой счет ${accountNumber} из QR-кода не найден в базе этого филиала.`,
    )
  const m = /^(\d{2})(\d{4})$/.exec(f.PaymPeriod ?? '')
  if (!m) throw new ApiFailure('invalid_input', 'В QR-коде нет периода оплаты (PaymPeriod).')
  const period = `${m[2]}-${m[1]}`
  if (!billHeader(db, account.id, period))
    throw new ApiFailure(
      'not_found',
      `Счет за ${periodName(period)} по лицевому счету ${accountNumber} не выставлен.`,
    )
  const sum = kopecksOf(f.Sum)
  if (sum === null || sum === 0)
    throw new ApiFailure('invalid_input', 'В QR-коде нет суммы к оплате: введите сумму вручную.')
  const bill = buildBill(billInputOf(db, account.id, period, timeZone, false))
  const section = bill.sections.find((s) => s.supplier.id === supplier.id)
  if (!section)
    throw new ApiFailure(
      'not_found',
      `В счете за ${periodName(period)} нет услуг этого поставщика.`,
    )
  let left = sum
  const lines = section.rows.map((r) => {
    const amount = Math.min(left, Math.max(0, r.total))
    left -= amount
    return { supplierId: supplier.id, service: r.service, amount }
  })
  lines[0]!.amount += left
  return {
    accountId: account.id,
    accountNumber,
    period,
    supplierId: supplier.id,
    total: sum,
    lines: lines.filter((l) => l.amount > 0),
  }
}
