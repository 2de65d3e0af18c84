import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { InputOf } from '../../src-shared/api/contract'
import type { SupplierRow } from '../../src-shared/settings/contract'
import type { PriceListEntry } from '../../src-shared/service-requests/contract'
import { call } from '../api/client'

/**
 * The price list tab: the prices in force today per service request kind, the suppliers a price
 * is for, and setting a kind's price from a date (priceList.set, the admin's live session).
 */
export const usePricesStore = defineStore('referencePrices', () => {
  const prices = shallowRef<PriceListEntry[]>([])
  const suppliers = shallowRef<SupplierRow[]>([])
  const error = ref<string | null>(null)

  async function load(): Promise<void> {
    const [list, sup] = await Promise.all([
      call('serviceRequests.prices', {}),
      call('settings.suppliers', {}),
    ])
    if (list.ok) {
      prices.value = list.value
      error.value = null
    } else error.value = list.error.message
    if (sup.ok) suppliers.value = sup.value
  }

  async function setPrice(input: InputOf<'priceList.set'>) {
    const result = await call('priceList.set', input)
    if (result.ok) await load()
    return result
  }

  return { prices, suppliers, error, load, setPrice }
})
