import type {
  OfficeRow,
  OperatorRow,
  SettingRow,
  SupplierRow,
  TariffRow,
} from '../../src-shared/settings/contract'
import { editableSettingKeys } from '../../src-shared/settings/schemas'
import { settingDefinitions } from '../../src-shared/settings/definitions'
import type { Db } from '../db/connection'
import { prepared } from '../db/prepared'

export function listTariffs(db: Db): TariffRow[] {
  return prepared(
    db.$client,
    `SELECT t.id, t.supplier_id AS supplierId, s.short_name AS supplierName, t.service,
            t.tariff_group AS tariffGroup, t.zone, t.valid_from AS validFrom, t.valid_to AS validTo,
            t.rate_millikopecks AS rateMillikopecks
       FROM tariffs t JOIN suppliers s ON s.id = t.supplier_id
      ORDER BY t.valid_from DESC, s.short_name, t.service, t.tariff_group, t.zone`,
  ).all() as TariffRow[]
}

export function listSuppliers(db: Db): SupplierRow[] {
  return prepared(
    db.$client,
    `SELECT id, name, short_name AS shortName, inn, kpp, ogrn, address, phone, email,
            bank_account AS bankAccount, bank_name AS bankName, bic,
            correspondent_account AS correspondentAccount
       FROM suppliers ORDER BY short_name`,
  ).all() as SupplierRow[]
}

export function listOffices(db: Db): OfficeRow[] {
  return prepared(
    db.$client,
    'SELECT id, branch_id AS branchId, name, address, phone FROM offices ORDER BY name',
  ).all() as OfficeRow[]
}

export function listOperators(db: Db): OperatorRow[] {
  // Never the password hash.
  return (
    prepared(
      db.$client,
      `SELECT p.id, p.login, p.full_name AS fullName, p.role, p.office_id AS officeId,
              o.name AS officeName, p.active
         FROM operators p LEFT JOIN offices o ON o.id = p.office_id
        ORDER BY p.active DESC, p.full_name`,
    ).all() as (Omit<OperatorRow, 'active'> & { active: number })[]
  ).map((r) => ({ ...r, active: r.active === 1 }))
}

/** Each editable setting: the value in force today and one set from a later date, if any. */
export function listSettings(db: Db, today: string): SettingRow[] {
  const current = prepared(
    db.$client,
    `SELECT value, valid_from AS validFrom FROM settings
      WHERE key = ? AND valid_from <= ? ORDER BY valid_from DESC LIMIT 1`,
  )
  const next = prepared(
    db.$client,
    `SELECT value, valid_from AS validFrom FROM settings
      WHERE key = ? AND valid_from > ? ORDER BY valid_from LIMIT 1`,
  )
  return editableSettingKeys.map((key) => {
    const now = current.get(key, today) as { value: string; validFrom: string } | undefined
    const later = next.get(key, today) as { value: string; validFrom: string } | undefined
    return {
      key,
      value: now ? JSON.parse(now.value) : settingDefinitions[key].default,
      validFrom: now?.validFrom ?? null,
      next: later ? { value: JSON.parse(later.value), validFrom: later.validFrom } : null,
    }
  })
}
