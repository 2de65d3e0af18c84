import type { AccountFields } from '../../src-shared/accounts/changes'
import type {
  AccountStatus,
  Relation,
  Service,
  TariffGroup,
  Address,
  PersonName,
} from '../../src-shared/accounts/domain'
import { ApiFailure } from '../api/failure'
import type { Db } from '../db/connection'
import { prepared } from '../db/prepared'

export interface StoredAccount {
  accountId: string
  holderId: string
  branchId: string
  version: number
  status: AccountStatus
  closedAt: string | null
  updatedAt: string
  fields: AccountFields
}

/** The stored account's own columns, then its fields flat, as the query reads them. */
interface Row extends Omit<StoredAccount, 'accountId' | 'fields'>, Address, PersonName {
  id: string
  number: string
  els: string | null
  officeId: string | null
  relation: Relation
  totalArea: string | null
  livingArea: string | null
  rooms: number | null
  residents: number
  tariffGroup: TariffGroup
  notes: string | null
  phone: string | null
  email: string | null
}

/** The account's editable fields as stored, with its version: the edit form and account.edit. */
export function storedAccount(db: Db, accountId: string): StoredAccount {
  const a = prepared(
    db.$client,
    `SELECT a.id, a.holder_id AS holderId, a.branch_id AS branchId, a.version, a.status,
            a.closed_at AS closedAt, a.updated_at AS updatedAt, a.number, a.els, a.office_id AS officeId,
            a.holder_relation AS relation, a.region, a.settlement, a.street, a.house, a.building, a.flat,
            a.total_area AS totalArea, a.living_area AS livingArea, a.rooms, a.residents,
            a.tariff_group AS tariffGroup, a.notes,
            c.last_name AS lastName, c.first_name AS firstName, c.middle_name AS middleName,
            c.phone, c.email
       FROM accounts a JOIN customers c ON c.id = a.holder_id WHERE a.id = ?`,
  ).get(accountId) as Row | undefined
  if (!a) throw new ApiFailure('not_found', 'Лицевой счет не найден.')
  const services = prepared(
    db.$client,
    'SELECT service, supplier_id AS supplierId FROM account_services WHERE account_id = ? ORDER BY service',
  ).all(accountId) as { service: Service; supplierId: string }[]
  return {
    accountId: a.id,
    holderId: a.holderId,
    branchId: a.branchId,
    version: a.version,
    status: a.status,
    closedAt: a.closedAt,
    updatedAt: a.updatedAt,
    fields: {
      number: a.number,
      els: a.els,
      officeId: a.officeId ?? '',
      holder: {
        lastName: a.lastName,
        firstName: a.firstName,
        middleName: a.middleName,
        phone: a.phone,
        email: a.email,
      },
      relation: a.relation,
      address: {
        region: a.region,
        settlement: a.settlement,
        street: a.street,
        house: a.house,
        building: a.building,
        flat: a.flat,
      },
      totalArea: a.totalArea,
      livingArea: a.livingArea,
      rooms: a.rooms,
      residents: a.residents,
      tariffGroup: a.tariffGroup,
      services,
      notes: a.notes,
    },
  }
}
