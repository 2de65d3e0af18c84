/** The columns a per-account report line reads first: the account, its holder, address, phone. */
export interface AccountLineRow {
  account: string
  holder: string
  region: string
  settlement: string
  street: string
  house: string
  building: string | null
  flat: string | null
  phone: string | null
}
