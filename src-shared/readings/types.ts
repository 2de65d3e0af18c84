import type { Service } from '../accounts/domain'
import type { ReadingSource, ReadingStatus, Zone } from './domain'

export interface ReadingHistoryLine {
  id: string
  meterId: string
  meterSerial: string
  service: Service
  zone: Zone
  readingDate: string
  enteredAt: string
  /** As typed ("02835,7"). */
  rawValue: string
  value: number
  /** In the service's unit, × transformation ratio; null for a first reading. */
  consumption: number | null
  source: ReadingSource
  status: ReadingStatus
  period: string
  operatorName: string | null
  confirmReason: string | null
  rejectReason: string | null
  deleted: boolean
  deleteReason: string | null
}

export interface MonthConsumption {
  period: string
  byZone: Partial<Record<Zone, number>>
  /** Null when nothing was read that month. */
  total: number | null
  /** The same month a year before, for comparison. */
  lastYearTotal: number | null
}

export interface ConsumptionStatistics {
  meterId: string
  year: number
  zones: Zone[]
  months: MonthConsumption[]
  min: { period: string; total: number } | null
  max: { period: string; total: number } | null
  total: number
}
