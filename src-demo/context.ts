import type { MeterNumbers } from './meters'
import type { ReferenceIds } from './reference'
import type { Timeline } from './timeline'

/** What the accounts of one run share: the dates, reference ids and the running counters. */
export interface GenContext {
  seed: number
  timeline: Timeline
  refs: ReferenceIds
  nextId: () => string
  numbers: MeterNumbers
  /** Last receipt number issued per office workstation. */
  receipts: number[]
}
