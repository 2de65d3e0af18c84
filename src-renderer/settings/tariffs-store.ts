import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { InputOf } from '../../src-shared/api/contract'
import type { SupplierRow, TariffRow } from '../../src-shared/settings/contract'
import { call } from '../api/client'

/**
 * The tariffs tab: every supplier's rates with their dates, the suppliers to choose from, and a
 * new rate from a date (reference.setTariff, the admin's live session).
 */
export const useTariffsStore = defineStore('referenceTariffs', () => {
  const tariffs = shallowRef<TariffRow[]>([])
  const suppliers = shallowRef<SupplierRow[]>([])
  const error = ref<string | null>(null)

  async function load(): Promise<void> {
    const [list, sup] = await Promise.all([
      call('settings.tariffs', {}),
      call('settings.suppliers', {}),
    ])
    error.value = list.ok ? null : list.error.message
    tariffs.value = list.ok ? list.value : []
    suppliers.value = sup.ok ? sup.value : []
  }

  /** The list is read again once the rate is set. */
  async function setTariff(input: InputOf<'settings.setTariff'>) {
    const result = await call('settings.setTariff', input)
    if (result.ok) await load()
    return result
  }

  return { tariffs, suppliers, error, load, setTariff }
})
