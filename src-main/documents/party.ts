import { formatAddress, formatFullName } from '../../src-shared/accounts/domain'
import { ApiFailure } from '../api/failure'
import type { Db } from '../db/connection'
import { prepared } from '../db/prepared'

export interface DocumentAccount {
  accountNumber: string
  els: string | null
  holder: { lastName: string; firstName: string; middleName: string | null }
  holderName: string
  address: string
  totalArea: string | null
  residents: number
  officeId: string | null
}

/** The account as documents print it: number, ELS, holder, address, area, residents. */
export function documentAccount(db: Db, accountId: string): DocumentAccount {
  const a = prepared(
    db.$client,
    `SELECT a.number, a.els, a.region, a.settlement, a.street, a.house, a.building, a.flat,
            a.total_area AS totalArea, a.residents, a.office_id AS officeId,
            c.last_name AS lastName, c.first_name AS firstName, c.middle_name AS middleName
       FROM accounts a JOIN customers c ON c.id = a.holder_id WHERE a.id = ?`,
  ).get(accountId) as Record<string, string | number | null> | undefined
  if (!a) throw new ApiFailure('not_found', 'Лицевой счет не найден.')
  const holder = {
    lastName: a.lastName as string,
    firstName: a.firstName as string,
    middleName: (a.middleName as string | null) ?? null,
  }
  return {
    accountNumber: a.number as string,
    els: (a.els as string | null) ?? null,
    holder,
    holderName: formatFullName(holder),
    address: formatAddress({
      region: a.region as string,
      settlement: a.settlement as string,
      street: a.street as string,
      house: a.house as string,
      building: (a.building as string | null) ?? null,
      flat: (a.flat as string | null) ?? null,
    }),
    totalArea: (a.totalArea as string | null) ?? null,
    residents: Number(a.residents ?? 0),
    officeId: (a.officeId as string | null) ?? null,
  }
}
