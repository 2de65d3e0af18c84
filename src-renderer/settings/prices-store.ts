import { defineStore } from 'pinia'
import type { InputOf } from '../../src-shared/api/contract'
import type { SupplierRow } from '../../src-shared/settings/contract'
import type { PriceListEntry } from '../../src-shared/service-requests/contract'
import { call } from '../api/client'
import { thenReload, useLoaded } from '../api/loaded'

/**
 * The price list tab: the prices in force today per service request kind, the suppliers a price
 * is for, and setting a kind's price from a date (priceList.set, the admin's live session).
 */
export const usePricesStore = defineStore('settingsPrices', () => {
  const prices = useLoaded(() => call('serviceRequests.prices', {}), [] as PriceListEntry[])
  const suppliers = useLoaded(() => call('settings.suppliers', {}), [] as SupplierRow[])

  async function load(): Promise<void> {
    await Promise.all([prices.load(), suppliers.load()])
  }

  function setPrice(input: InputOf<'priceList.set'>) {
    return thenReload(call('priceList.set', input), load)
  }

  return { prices: prices.value, suppliers: suppliers.value, error: prices.error, load, setPrice }
})
