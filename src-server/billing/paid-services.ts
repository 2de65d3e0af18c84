import type { BillLine } from '../../src-shared/billing/bill-service'
import type { BatchAccount } from './inputs'

/**
 * The extension point for paid services done in the period (service requests, a later issue):
 * their charge lines join the account's bill here. None yet.
 */
export function paidServiceLines(_account: BatchAccount, _period: string): BillLine[] {
  return []
}
