import { ref, shallowRef } from 'vue'
import type { MeterFormContext } from '../../src-shared/meters/contract'
import { useMetersStore } from './store'

/** Loads what a meter form checks against (today, services, the old meter) when it opens. */
export function useMeterFormContext(accountId: string, meterId?: string) {
  const context = shallowRef<MeterFormContext | null>(null)
  const error = ref<string | null>(null)
  const loaded = useMetersStore()
    .formContext(accountId, meterId)
    .then((result) => {
      if (result.ok) context.value = result.value
      else error.value = result.error.message
      return result.ok ? result.value : null
    })
  return { context, error, loaded }
}
