import { defineStore } from 'pinia'
import type { InputOf } from '../../src-shared/api/contract'
import type { SupplierRow, TariffRow } from '../../src-shared/settings/contract'
import { call } from '../api/client'
import { thenReload, useLoaded } from '../api/loaded'

/**
 * The tariffs tab: every supplier's rates with their dates, the suppliers to choose from, and a
 * new rate from a date (reference.setTariff, the admin's live session).
 */
export const useTariffsStore = defineStore('settingsTariffs', () => {
  const tariffs = useLoaded(() => call('settings.tariffs', {}), [] as TariffRow[], {
    emptyOnFailure: true,
  })
  const suppliers = useLoaded(() => call('settings.suppliers', {}), [] as SupplierRow[], {
    emptyOnFailure: true,
  })

  async function load(): Promise<void> {
    await Promise.all([tariffs.load(), suppliers.load()])
  }

  /** The list is read again once the rate is set. */
  function setTariff(input: InputOf<'settings.setTariff'>) {
    return thenReload(call('settings.setTariff', input), load)
  }

  return {
    tariffs: tariffs.value,
    suppliers: suppliers.value,
    error: tariffs.error,
    load,
    setTariff,
  }
})
