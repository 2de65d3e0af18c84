import { ref, shallowRef, watch, type Ref } from 'vue'
import type { DuplicateCandidate } from '../../../src-shared/accounts/types'
import type { AccountDraft } from './account-draft'
import { latestOnly } from '../../api/latest'
import { useAccountFormStore } from './form-store'

const debounceMs = 400

/**
 * Accounts that may be the one being typed, asked while the clerk types surname, address and
 * phone (for an edit: only once one of those differs from what was stored). `acknowledged`
 * is the clerk's "save anyway", reset when the candidates change.
 */
export function useDuplicates(
  draft: Ref<AccountDraft | null>,
  options: { exceptAccountId?: string; changed?: () => boolean } = {},
) {
  const forms = useAccountFormStore()
  const candidates = shallowRef<DuplicateCandidate[]>([])
  const acknowledged = ref(false)
  let timer: ReturnType<typeof setTimeout> | undefined
  const reads = latestOnly()

  async function check(): Promise<void> {
    const d = draft.value
    if (!d || (options.changed && !options.changed())) {
      reads.drop()
      candidates.value = []
      return
    }
    const result = await reads.latest(() =>
      forms.duplicates({
        exceptAccountId: options.exceptAccountId ?? null,
        lastName: d.lastName,
        phone: d.phone.trim() === '' ? null : d.phone,
        address: {
          settlement: d.settlement,
          street: d.street,
          house: d.house,
          building: d.building,
          flat: d.flat,
        },
      }),
    )
    if (!result?.ok) return
    const before = candidates.value.map((c) => c.accountId).join()
    candidates.value = result.value
    if (result.value.map((c) => c.accountId).join() !== before) acknowledged.value = false
  }

  watch(
    () => {
      const d = draft.value
      return d ? [d.lastName, d.phone, d.settlement, d.street, d.house, d.building, d.flat] : []
    },
    () => {
      clearTimeout(timer)
      timer = setTimeout(() => void check(), debounceMs)
    },
    { deep: true },
  )

  /** Runs the check now (before saving), so a save never outruns the debounce. */
  async function settle(): Promise<void> {
    clearTimeout(timer)
    await check()
  }

  return { candidates, acknowledged, settle }
}
