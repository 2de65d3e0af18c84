/** What a customer may order (DOMAIN "Service requests and appeals"); prices come from the price list. */
export const serviceRequestKinds = [
  'sealing',
  'unsealing',
  'control_reading',
  'commissioning',
  'specialist_visit',
  'technical_check',
] as const
export type ServiceRequestKind = (typeof serviceRequestKinds)[number]

export const serviceRequestStatuses = ['new', 'scheduled', 'done', 'cancelled'] as const
export type ServiceRequestStatus = (typeof serviceRequestStatuses)[number]

/** The statuses a request may move to from each one: done and cancelled are final. */
const next: Record<ServiceRequestStatus, readonly ServiceRequestStatus[]> = {
  new: ['scheduled', 'done', 'cancelled'],
  // A scheduled visit may be moved to another date (scheduled again).
  scheduled: ['scheduled', 'done', 'cancelled'],
  done: [],
  cancelled: [],
}

export function canMoveRequest(from: ServiceRequestStatus, to: ServiceRequestStatus): boolean {
  return next[from].includes(to)
}

const hourMs = 3_600_000

/**
 * When the customer must have been called back: `hours` (the dated setting
 * `serviceCallBackHours`) after registration, in calendar hours, weekends included: the promise
 * is to the customer, not to the office's working week.
 */
export function callBackDueAt(registeredAt: string, hours: number): string {
  return new Date(Date.parse(registeredAt) + hours * hourMs).toISOString()
}

export interface CallBackFacts {
  status: ServiceRequestStatus
  registeredAt: string
  /** When the customer was called back (or the request moved on), null while not yet. */
  calledBackAt: string | null
}

/**
 * Whether the 72-hour call-back promise is broken now: a request nobody called back about (and
 * still open) past its due instant. A call back made late still clears the flag: the customer
 * has been answered.
 */
export function callBackOverdue(r: CallBackFacts, now: string, hours: number): boolean {
  if (r.calledBackAt !== null) return false
  if (r.status === 'done' || r.status === 'cancelled') return false
  return Date.parse(now) > Date.parse(callBackDueAt(r.registeredAt, hours))
}
