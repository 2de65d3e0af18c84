import { z } from 'zod'
import type { Service, TariffGroup } from '../accounts/domain'
import { channel } from '../api/channel'
import { anyOperator, type Role } from '../operators/roles'
import type { Zone } from '../readings/domain'
import {
  officeSaveSchema,
  operatorSaveSchema,
  settingSetSchema,
  supplierSaveSchema,
  tariffSetSchema,
  type EditableSettingKey,
} from './schemas'

export interface TariffRow {
  id: string
  supplierId: string
  supplierName: string
  service: Service
  tariffGroup: TariffGroup
  zone: Zone
  validFrom: string
  validTo: string | null
  /** 1/1000 kopeck per unit */
  rateMillikopecks: number
}

export interface SupplierRow {
  id: string
  name: string
  shortName: string
  inn: string
  kpp: string | null
  ogrn: string | null
  address: string | null
  phone: string | null
  email: string | null
  bankAccount: string
  bankName: string
  bic: string
  correspondentAccount: string
}

export interface OfficeRow {
  id: string
  branchId: string
  name: string
  address: string
  phone: string | null
}

export interface OperatorRow {
  id: string
  login: string
  fullName: string
  role: Role
  officeId: string | null
  officeName: string | null
  active: boolean
}

export interface SettingRow {
  key: EditableSettingKey
  /** In force today. */
  value: string | number
  validFrom: string | null
  /** Set from a later date, not yet in force. */
  next: { value: string | number; validFrom: string } | null
}

/** Reference data is readable by everyone and changed by an admin only. */
export const settingsEditors: readonly Role[] = ['admin']

export const settingsChannels = {
  'settings.tariffs': channel<TariffRow[]>()({ input: z.object({}), roles: anyOperator }),
  'settings.suppliers': channel<SupplierRow[]>()({ input: z.object({}), roles: anyOperator }),
  'settings.offices': channel<OfficeRow[]>()({ input: z.object({}), roles: anyOperator }),
  'settings.operators': channel<OperatorRow[]>()({ input: z.object({}), roles: anyOperator }),
  'settings.settings': channel<SettingRow[]>()({ input: z.object({}), roles: anyOperator }),
  'settings.setTariff': channel<{ tariffId: string }>()({
    input: tariffSetSchema,
    roles: settingsEditors,
  }),
  'settings.saveSupplier': channel<{ supplierId: string }>()({
    input: supplierSaveSchema,
    roles: settingsEditors,
  }),
  'settings.saveOffice': channel<{ officeId: string }>()({
    input: officeSaveSchema,
    roles: settingsEditors,
  }),
  'settings.saveOperator': channel<{ operatorId: string }>()({
    input: operatorSaveSchema,
    roles: settingsEditors,
  }),
  'settings.setSetting': channel<null>()({ input: settingSetSchema, roles: settingsEditors }),
}
