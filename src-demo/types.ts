import type {
  AccountStatus,
  ConsentKind,
  Relation,
  Service,
  TariffGroup,
  Address,
} from '../src-shared/accounts/domain'
import type { MeterSummary } from '../src-shared/accounts/types'
import type { LedgerKind } from '../src-shared/balances/ledger'
import type { ChargeBasis } from '../src-shared/billing/bill-service'
import type { PaymentChannel, PaymentMethod } from '../src-shared/payments/domain'
import type { ReadingSource, ReadingStatus, Zone } from '../src-shared/readings/domain'
import type { ServiceRequestKind } from '../src-shared/service-requests/domain'
import type {
  OfficeRow,
  SupplierRow,
  OperatorRow as SettingsOperatorRow,
  TariffRow as SettingsTariffRow,
} from '../src-shared/settings/contract'

/**
 * The demo data, row by row, in the replica's columns (camelCase here, snake_case in SQLite).
 * Money is integer kopecks, rates integer 1/1000 kopeck, dates YYYY-MM-DD, instants ISO UTC,
 * periods YYYY-MM, areas and volumes decimal strings.
 */

export interface DemoOptions {
  seed: number
  accounts: number
  /** Months of history before the month of `today`. */
  months: number
  /** YYYY-MM-DD: the day the data is as of. */
  today: string
}

export interface BranchRow {
  id: string
  code: string
  name: string
}

export interface WorkstationRow {
  id: string
  officeId: string
  name: string
  receiptPrefix: string
}

export interface ServiceRow {
  code: Service
  name: string
  unit: string
}

/** A tariff row as the settings screen lists it, without the supplier's name. */
export type TariffRow = Omit<SettingsTariffRow, 'supplierName'>

/** A service request kind's price from a date (global, as an admin sets it). */
export interface PriceListRow {
  id: string
  kind: ServiceRequestKind
  validFrom: string
  /** Kopecks; 0 = free. */
  price: number
  supplierId: string
}

export interface SettingRow {
  key: string
  validFrom: string
  /** JSON */
  value: string
}

/** An operator without a password hash: hashing is salted, so it happens at load time. */
export interface OperatorRow extends Omit<SettingsOperatorRow, 'officeName' | 'active'> {
  createdAt: string
}

export interface DemoReference {
  branch: BranchRow
  offices: OfficeRow[]
  workstations: WorkstationRow[]
  suppliers: SupplierRow[]
  services: ServiceRow[]
  tariffs: TariffRow[]
  settings: SettingRow[]
  /** The service requests' price list: without it no request can be registered. */
  priceList: PriceListRow[]
  operators: OperatorRow[]
}

export interface CustomerRow {
  id: string
  lastName: string
  firstName: string
  middleName: string | null
  phone: string | null
  email: string | null
  createdAt: string
  updatedAt: string
}

export interface AccountRow extends Address {
  id: string
  number: string
  els: string | null
  branchId: string
  officeId: string | null
  holderId: string
  holderRelation: Relation
  totalArea: string | null
  livingArea: string | null
  rooms: number | null
  residents: number
  tariffGroup: TariffGroup
  status: AccountStatus
  closedAt: string | null
  closeReason: string | null
  notes: string | null
  createdAt: string
  updatedAt: string
  searchKey: number
}

export interface AccountPersonRow {
  id: string
  accountId: string
  customerId: string
  relation: Relation
  since: string | null
}

export interface AccountServiceRow {
  accountId: string
  service: Service
  supplierId: string
}

export interface ConsentRow {
  id: string
  accountId: string
  kind: ConsentKind
  given: boolean
  date: string
  operatorId: string | null
  createdAt: string
}

/** The meter as the account card shows it, in its table's columns (seals as JSON). */
export interface MeterRow extends Omit<MeterSummary, 'verification' | 'seals' | 'lastReadings'> {
  accountId: string
  verificationIntervalYears: number | null
  /** JSON array of seal numbers */
  seals: string
}

export interface ReadingRow {
  id: string
  meterId: string
  accountId: string
  zone: Zone
  rawValue: string
  value: number
  consumption: number | null
  readingDate: string
  enteredAt: string
  period: string
  source: ReadingSource
  status: ReadingStatus
  rejectReason: string | null
  operatorId: string | null
  workstationId: string | null
}

export interface OpeningBalanceRow {
  id: string
  accountId: string
  supplierId: string
  service: Service
  date: string
  amount: number
}

export interface ChargeRow {
  id: string
  accountId: string
  supplierId: string
  service: Service
  period: string
  kind: Extract<LedgerKind, 'charge' | 'recalculation' | 'penalty'>
  volume: string | null
  basis: ChargeBasis | null
  rateMillikopecks: number | null
  amount: number
  createdAt: string
  zone: Zone | null
  recalculatedPeriod: string | null
}

export interface PaymentRow {
  id: string
  accountId: string
  paidAt: string
  amount: number
  method: PaymentMethod
  channel: PaymentChannel
  receiptNumber: string | null
  officeId: string | null
  operatorId: string | null
  workstationId: string | null
  externalRef: string | null
  createdAt: string
}

export interface PaymentLineRow {
  id: string
  paymentId: string
  supplierId: string
  service: Service
  amount: number
}

/** One account with everything that hangs off it. */
export interface DemoAccount {
  /** The holder first, then linked persons. */
  customers: CustomerRow[]
  account: AccountRow
  persons: AccountPersonRow[]
  services: AccountServiceRow[]
  consents: ConsentRow[]
  meters: MeterRow[]
  readings: ReadingRow[]
  openingBalances: OpeningBalanceRow[]
  charges: ChargeRow[]
  payments: PaymentRow[]
  paymentLines: PaymentLineRow[]
}

export type DemoChunk =
  { kind: 'reference'; reference: DemoReference } | { kind: 'account'; account: DemoAccount }
