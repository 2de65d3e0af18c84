import type { Address } from '../accounts/domain'
/** The columns a per-account report line reads first: the account, its holder, address, phone. */
export interface AccountLineRow extends Address {
  account: string
  holder: string
  phone: string | null
}
