import { billingRunMessages } from '../../src-shared/billing/contract'
import type { DomainHandlers } from '../api/dispatch'
import { askAsOperator } from '../sync/ask-as-operator'

/**
 * The admin's calls go to the central server with their own live session (the server checks the
 * role again and bills this workstation's branch); offline, a Russian refusal.
 */
export const billingHandlers: DomainHandlers<'billing'> = {
  'billing.run': ({ period }, ctx) =>
    askAsOperator(ctx, billingRunMessages, (c) => c.billingRun(period)),
  'billing.status': ({ period }, ctx) =>
    askAsOperator(ctx, billingRunMessages, (c) => c.billingStatus(period)),
}
