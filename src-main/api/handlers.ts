import { accountHandlers } from '../accounts/handlers'
import { notificationHandlers } from '../notifications/handlers'
import { documentHandlers } from '../documents/handlers'
import { billingHandlers } from '../billing/handlers'
import { auditHandlers } from '../audit/handlers'
import { meterHandlers } from '../meters/handlers'
import { operatorHandlers } from '../operators/handlers'
import { paymentHandlers } from '../payments/handlers'
import { readingHandlers } from '../readings/handlers'
import { settingsHandlers } from '../settings/handlers'
import { reportHandlers } from '../reports/handlers'
import { shiftHandlers } from '../shifts/handlers'
import { syncHandlers } from '../sync/handlers'
import { updateHandlers } from '../updates/handlers'
import { workstationHandlers } from '../workstation/handlers'
import { appealHandlers } from '../appeals/handlers'
import { serviceRequestHandlers } from '../service-requests/handlers'
import type { Handlers } from './dispatch'

/** Every channel's handler, gathered from the domain folders. */
export const handlers: Handlers = {
  ...operatorHandlers,
  ...workstationHandlers,
  ...accountHandlers,
  ...meterHandlers,
  ...readingHandlers,
  ...paymentHandlers,
  ...shiftHandlers,
  ...syncHandlers,
  ...notificationHandlers,
  ...auditHandlers,
  ...settingsHandlers,
  ...reportHandlers,
  ...documentHandlers,
  ...serviceRequestHandlers,
  ...appealHandlers,
  ...billingHandlers,

  ...updateHandlers,
}
