import type { MeterFormContext } from '../../src-shared/meters/contract'
import type { Db } from '../db/connection'
import { activeMeter, meteredServices, openAccount } from './meter-facts'

/** What the install, replace and remove forms check against before anything is sent. */
export function meterFormContext(
  db: Db,
  accountId: string,
  meterId: string | undefined,
  today: string,
): MeterFormContext {
  openAccount(db, accountId)
  return {
    accountId,
    today,
    services: meteredServices(db, accountId),
    old: meterId ? activeMeter(db, accountId, meterId) : null,
  }
}
