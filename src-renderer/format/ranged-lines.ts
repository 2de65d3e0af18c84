import { ref, shallowRef, watch, type WatchSource } from 'vue'
import type { ApiResult } from '../../src-shared/api/result'
import { lastTwelveMonths } from './date-range'
import { latestOnly } from '../api/latest'

/**
 * The lines of a history in a date range (the last 12 months at first), read again when the
 * range or any of `sources` changes; an older answer arriving late is dropped.
 */
export function useRangedLines<T>(
  read: (range: { from?: string; to?: string }) => Promise<ApiResult<T[]>>,
  sources: WatchSource[],
) {
  const range = ref<[string, string] | null>(lastTwelveMonths(new Date()))
  const lines = shallowRef<T[]>([])
  const error = ref<string | null>(null)
  const reads = latestOnly()

  async function load(): Promise<void> {
    const [from, to] = range.value ?? ['', '']
    const result = await reads.latest(() => read({ from: from || undefined, to: to || undefined }))
    if (!result) return
    error.value = result.ok ? null : result.error.message
    lines.value = result.ok ? result.value : []
  }

  watch([...sources, range], load, { immediate: true })
  return { range, lines, error, load }
}
