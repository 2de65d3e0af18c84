import type { LedgerKind } from '../balances/ledger'
import type { PaymentChannel, PaymentMethod } from '../payments/domain'
import type { ReadingSource, ReadingStatus, Zone } from '../readings/domain'
import type { VerificationStatus } from '../meters/verification'
import type { AccountFields } from './changes'
import type { AccountNumberFormat } from './number-format'
import type { AccountStatus, Address, ConsentKind, Relation, Service, TariffGroup } from './domain'

export interface AccountSearchHit {
  id: string
  number: string
  els: string | null
  holderName: string
  address: string
  phone: string | null
  status: AccountStatus
}

export interface AccountSearchResult {
  hits: AccountSearchHit[]
  /** True when more accounts match than were returned. */
  more: boolean
}

export interface LinkedPerson {
  customerId: string
  fullName: string
  relation: Relation
  phone: string | null
}

/** A person linked to the account (not the holder); `linkId` identifies the link for unlinking. */
export interface LinkedPersonRow extends LinkedPerson {
  linkId: string
}

/** Another account of the same holder, to switch to from the card. */
export interface HolderAccount {
  id: string
  number: string
  addressText: string
  status: AccountStatus
}

export interface ConsentState {
  kind: ConsentKind
  given: boolean
  date: string
}

export interface MeterSummary {
  id: string
  service: Service
  model: string
  serialNumber: string
  zones: number
  intDigits: number
  fracDigits: number
  transformationRatio: number
  accuracyClass: string | null
  phases: number | null
  location: string | null
  installedAt: string
  verifiedAt: string | null
  nextVerificationAt: string | null
  verification: VerificationStatus
  seals: string[]
  status: 'active' | 'removed'
  removedAt: string | null
  /** The latest standing reading per zone: a removed meter's final reading. */
  lastReadings: MeterLastReading[]
}

export interface MeterLastReading {
  zone: Zone
  date: string
  /** As typed. */
  value: string
}

export interface BalanceLine {
  supplierId: string
  supplierName: string
  service: Service
  /** Kopecks; positive = the customer owes. */
  balance: number
}

export interface ReadingLine {
  id: string
  meterSerial: string
  zone: Zone
  readingDate: string
  value: string
  consumption: number | null
  source: ReadingSource
  status: ReadingStatus
  period: string
}

export interface ChargeLine {
  id: string
  period: string
  supplierName: string
  service: Service
  kind: Extract<LedgerKind, 'charge' | 'recalculation' | 'penalty'>
  volume: string | null
  amount: number
}

export interface PaymentLine {
  id: string
  paidAt: string
  amount: number
  method: PaymentMethod
  channel: PaymentChannel
  receiptNumber: string | null
  cancelled: boolean
}

export interface AccountCard {
  id: string
  number: string
  els: string | null
  status: AccountStatus
  closedAt: string | null
  branchName: string
  officeName: string | null
  address: Address
  addressText: string
  totalArea: string | null
  livingArea: string | null
  rooms: number | null
  residents: number
  tariffGroup: TariffGroup
  holder: LinkedPerson & { email: string | null }
  persons: LinkedPersonRow[]
  /** Every account of the holder, this one included, by number. */
  holderAccounts: HolderAccount[]
  closeReason: string | null
  consents: ConsentState[]
  meters: MeterSummary[]
  balances: BalanceLine[]
  /** Kopecks over all suppliers and services. */
  totalBalance: number
  readings: ReadingLine[]
  charges: ChargeLine[]
  /** Periods the central server's period close has closed for the account's branch. */
  closedPeriods: string[]
  payments: PaymentLine[]
  version: number
}

/** An account that may be the one being registered again: same address and surname, or phone. */
/** A known customer offered when registering an account or linking a person. */
export interface CustomerMatch {
  customerId: string
  fullName: string
  holder: {
    lastName: string
    firstName: string
    middleName: string | null
    phone: string | null
    email: string | null
  }
  accounts: { id: string; number: string; els: string | null; addressText: string }[]
}

export interface DuplicateCandidate {
  accountId: string
  number: string
  holderName: string
  addressText: string
  phone: string | null
  status: AccountStatus
  reasons: ('address' | 'phone')[]
}

export interface AccountFormOptions {
  offices: { id: string; name: string }[]
  /** The office of this workstation: preselected on a new account. */
  defaultOfficeId: string | null
  suppliers: { id: string; name: string }[]
  numberFormat: AccountNumberFormat
  /** The office's today, for date pickers (no dates in the future). */
  today: string
}

/** The edit form of an account: its stored fields and the version they are of. */
export interface AccountForm {
  accountId: string
  version: number
  status: AccountStatus
  fields: AccountFields
}
