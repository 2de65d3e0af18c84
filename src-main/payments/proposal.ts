import { formatAddress, formatFullName } from '../../src-shared/accounts/domain'
import { openDebts, type DebtMovement } from '../../src-shared/balances/open-debts'
import type { PaymentProposalLine } from '../../src-shared/payments/contract'
import { ApiFailure } from '../api/failure'
import type { Db } from '../db/connection'
import { prepared } from '../db/prepared'

export interface PayableAccount {
  accountNumber: string
  holderName: string
  address: string
  status: string
}

export function payableAccount(db: Db, accountId: string): PayableAccount {
  const a = prepared(
    db.$client,
    `SELECT a.number, a.status, a.region, a.settlement, a.street, a.house, a.building, a.flat,
            c.last_name AS lastName, c.first_name AS firstName, c.middle_name AS middleName
       FROM accounts a JOIN customers c ON c.id = a.holder_id WHERE a.id = ?`,
  ).get(accountId) as Record<string, string> | undefined
  if (!a) throw new ApiFailure('not_found', 'Лицевой счет не найден.')
  return {
    accountNumber: a.number!,
    status: a.status!,
    holderName: formatFullName({
      lastName: a.lastName!,
      firstName: a.firstName!,
      middleName: a.middleName ?? null,
    }),
    address: formatAddress({
      region: a.region!,
      settlement: a.settlement!,
      street: a.street!,
      house: a.house!,
      building: a.building ?? null,
      flat: a.flat ?? null,
    }),
  }
}

/**
 * The account's payable lines (its suppliers' services) with what each still owes, oldest
 * first, and the ledger balance (positive: owes) from the same movements.
 */
export function debtLines(
  db: Db,
  accountId: string,
): { lines: PaymentProposalLine[]; balance: number } {
  const lines = prepared(
    db.$client,
    `SELECT s.supplier_id AS supplierId, s.service, p.short_name AS supplierName
       FROM account_services s JOIN suppliers p ON p.id = s.supplier_id
      WHERE s.account_id = ? ORDER BY s.service = 'electricity' DESC, s.service, p.short_name`,
  ).all(accountId) as Omit<PaymentProposalLine, 'debt' | 'periods'>[]
  const movements = prepared(
    db.$client,
    `SELECT supplier_id AS supplierId, service, substr(date, 1, 7) AS period, amount
       FROM opening_balances WHERE account_id = @accountId
     UNION ALL
     SELECT supplier_id, service, period, amount FROM charges WHERE account_id = @accountId
     UNION ALL
     SELECT l.supplier_id, l.service, NULL, -l.amount
       FROM payment_lines l JOIN payments p ON p.id = l.payment_id WHERE p.account_id = @accountId
     UNION ALL
     SELECT l.supplier_id, l.service, NULL, l.amount
       FROM payment_lines l JOIN payments p ON p.id = l.payment_id
       JOIN payment_cancellations x ON x.payment_id = p.id WHERE p.account_id = @accountId`,
  ).all({ accountId }) as DebtMovement[]
  const debts = openDebts(lines, movements)
  return {
    lines: lines.map((line, i) => {
      const periods = debts[i]!.periods.map((p) => ({ ...p }))
      return { ...line, periods, debt: periods.reduce((s, p) => s + p.amount, 0) }
    }),
    balance: movements.reduce((s, m) => s + m.amount, 0),
  }
}
