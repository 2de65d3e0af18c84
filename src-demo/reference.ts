import {
  services as serviceCodes,
  type Service,
  type TariffGroup,
} from '../src-shared/accounts/domain'
import { serviceRequestKinds, type ServiceRequestKind } from '../src-shared/service-requests/domain'
import { settingDefinitions } from '../src-shared/settings/definitions'
import { addPeriods } from './calendar'
import type { IdFactory } from './ids'
import { lawSettingRows } from '../src-shared/billing/law-history'
import { demoOperators } from './operators'
import { branch, officePlaces } from './places'
import { bankAccountWithKey, innWithCheck, ogrnWithCheck } from './requisites'
import type { TariffRate } from '../src-shared/billing/tariff-split'
import { tariffSpecs, tariffYear } from './tariffs'
import type { Timeline } from './timeline'
import type { SupplierRow } from '../src-shared/settings/contract'
import type { DemoReference, PriceListRow, ServiceRow, TariffRow } from './types'

const sberTver = {
  bankName: 'Тверское отделение № 8607 ПАО Сбербанк',
  bic: '042809679',
  correspondentAccount: '30101810700000000679',
}
const vtb = {
  bankName: 'Филиал «Центральный» Банка ВТБ (ПАО)',
  bic: '044525411',
  correspondentAccount: '30101810145250000411',
}

type SupplierData = Omit<SupplierRow, 'id'>

export const electricitySupplier: SupplierData = {
  name: 'Акционерное общество «Верхневолжская энергосбытовая компания»',
  shortName: 'АО «Верхневолжскэнергосбыт»',
  inn: innWithCheck('695012345'),
  kpp: '695001001',
  ogrn: ogrnWithCheck('105695012345'),
  address: '170100, Тверская обл., г. Тверь, ул. Трехсвятская, д. 21',
  phone: '+74822555010',
  email: 'info@vv-energosbyt.ru',
  bankAccount: bankAccountWithKey('40702810063000004321', sberTver.bic),
  ...sberTver,
}

export const heatSupplier: SupplierData = {
  name: 'Общество с ограниченной ответственностью «Конаковская тепловая компания»',
  shortName: 'ООО «Конаковская тепловая компания»',
  inn: innWithCheck('691100567'),
  kpp: '691101001',
  ogrn: ogrnWithCheck('112691100567'),
  address: '171252, Тверская обл., г. Конаково, ул. Промышленная, д. 5',
  phone: '+74824241555',
  email: 'abonent@konteplo.ru',
  bankAccount: bankAccountWithKey('40702810020010005432', vtb.bic),
  ...vtb,
}

const serviceRows: Record<Service, Omit<ServiceRow, 'code'>> = {
  electricity: { name: 'Электроснабжение', unit: 'кВт·ч' },
  hot_water: { name: 'Горячее водоснабжение', unit: 'м³' },
  heating: { name: 'Отопление', unit: 'Гкал' },
  common_needs: { name: 'Электроэнергия на содержание общего имущества', unit: 'кВт·ч' },
}

/** The ids the accounts refer to. */
export interface ReferenceIds {
  branchId: string
  offices: {
    id: string
    workstationId: string
    receiptPrefix: string
    clerkId: string
    cashierId: string
  }[]
  supplierOf: Record<Service, string>
  /** The tariff rows as the period close reads them, by `demoTariffKey`. */
  tariffs: Map<string, TariffRate[]>
}

/** A service's rates for a tariff group and zone (the supplier follows from the service). */
export const demoTariffKey = (service: Service, group: TariffGroup, zone: string) =>
  `${service}|${group}|${zone}`

function tariffBook(rows: readonly TariffRow[]): Map<string, TariffRate[]> {
  const out = new Map<string, TariffRate[]>()
  for (const r of rows) {
    const key = demoTariffKey(r.service, r.tariffGroup, r.zone)
    let list = out.get(key)
    if (!list) out.set(key, (list = []))
    list.push({ validFrom: r.validFrom, validTo: r.validTo, rateMillikopecks: r.rateMillikopecks })
  }
  return out
}

/**
 * The demo price list of service requests, in kopecks, from 2020-01-01: a control reading and a
 * specialist's consultation free, the rest paid, all billed by the electricity supplier.
 */
export const demoPrices: Record<ServiceRequestKind, number> = {
  sealing: 85_000,
  unsealing: 65_000,
  control_reading: 0,
  commissioning: 120_000,
  specialist_visit: 0,
  technical_check: 150_000,
}

/**
 * The price list rows. Their ids come from their own factory, so adding them moves no other id
 * of the demo data.
 */
export function buildPriceList(supplierId: string, ids: IdFactory): PriceListRow[] {
  return serviceRequestKinds.map((kind) => ({
    id: ids.next(),
    kind,
    validFrom: '2020-01-01',
    price: demoPrices[kind],
    supplierId,
  }))
}

export function buildReference(
  timeline: Timeline,
  ids: IdFactory,
  priceIds: IdFactory,
): { reference: DemoReference; refs: ReferenceIds } {
  const branchRow = { id: ids.next(), ...branch }
  const offices = officePlaces.map((o) => ({
    id: ids.next(),
    branchId: branchRow.id,
    name: o.name,
    address: o.address,
    phone: o.phone,
  }))
  const workstations = officePlaces.map((o, i) => ({
    id: ids.next(),
    officeId: (offices[i] as (typeof offices)[number]).id,
    name: o.workstation,
    receiptPrefix: o.receiptPrefix,
  }))
  const electricity = { id: ids.next(), ...electricitySupplier }
  const heat = { id: ids.next(), ...heatSupplier }
  const supplierOf: Record<Service, string> = {
    electricity: electricity.id,
    common_needs: electricity.id,
    hot_water: heat.id,
    heating: heat.id,
  }

  // Rates from the July before the first month any account is billed for (its opening balance).
  const fromYear = tariffYear(addPeriods(timeline.firstPeriod, -1))
  const toYear = tariffYear(timeline.currentPeriod)
  const specs = tariffSpecs(fromYear, toYear)
  const tariffs = specs.map((s) => ({
    id: ids.next(),
    supplierId: supplierOf[s.service],
    service: s.service,
    tariffGroup: s.tariffGroup,
    zone: s.zone,
    validFrom: `${s.year}-07-01`,
    validTo: s.year < toYear ? `${s.year + 1}-06-30` : null,
    rateMillikopecks: s.rateMillikopecks,
  }))

  const createdAt = '2020-01-01T06:00:00.000Z'
  const operators = demoOperators.map((o) => ({
    id: ids.next(),
    login: o.login,
    fullName: o.fullName,
    role: o.role,
    officeId: (offices[o.office] as (typeof offices)[number]).id,
    createdAt,
  }))
  const staff = (office: number, role: 'clerk' | 'cashier') => {
    const i = demoOperators.findIndex((o) => o.office === office && o.role === role)
    return (operators[i] as (typeof operators)[number]).id
  }

  // The defaults, written down so the settings screen shows where they come from.
  // Billing's law comes as its dated rows instead (no default to write down).
  const law = lawSettingRows()
  const dated = new Set(law.map((r) => r.key))
  const settings = [
    ...Object.entries(settingDefinitions)
      .filter(([key]) => !dated.has(key))
      .map(([key, def]) => ({
        key,
        validFrom: '2020-01-01',
        value: JSON.stringify(def.default),
      })),
    ...law,
  ]

  return {
    reference: {
      branch: branchRow,
      offices,
      workstations,
      suppliers: [electricity, heat],
      services: serviceCodes.map((code) => ({ code, ...serviceRows[code] })),
      tariffs,
      settings,
      priceList: buildPriceList(electricity.id, priceIds),
      operators,
    },
    refs: {
      branchId: branchRow.id,
      offices: offices.map((o, i) => ({
        id: o.id,
        workstationId: (workstations[i] as (typeof workstations)[number]).id,
        receiptPrefix: (workstations[i] as (typeof workstations)[number]).receiptPrefix,
        clerkId: staff(i, 'clerk'),
        cashierId: staff(i, 'cashier'),
      })),
      supplierOf,
      tariffs: tariffBook(tariffs),
    },
  }
}
