import { ref, shallowRef, watch, type WatchSource } from 'vue'
import type { AuditLine, AuditPage } from '../../src-shared/audit/contract'
import type { ApiResult } from '../../src-shared/api/result'
import type { AuditKind } from '../../src-shared/audit/words'
import { latestOnly } from '../api/latest'

export const historyPageSize = 50

/** Reads one page of a history. */
export type HistoryRead = (range: {
  from: string | null
  to: string | null
  offset: number
  limit: number
  kind: AuditKind | null
}) => Promise<ApiResult<AuditPage>>

/** A paged, date-ranged history: reloads when the range, the page or `extra` change. */
export function useHistoryPage(fetch: HistoryRead, extra: WatchSource) {
  const range = ref<[string, string] | null>(null)
  /** The kind of entry shown ('' = all). */
  const kind = ref<AuditKind | ''>('')
  const page = ref(1)
  const entries = shallowRef<AuditLine[]>([])
  const total = ref(0)
  const error = ref<string | null>(null)
  const reads = latestOnly()

  async function load(): Promise<void> {
    const result = await reads.latest(() =>
      fetch({
        from: range.value?.[0] ?? null,
        to: range.value?.[1] ?? null,
        offset: (page.value - 1) * historyPageSize,
        limit: historyPageSize,
        kind: kind.value || null,
      }),
    )
    if (!result) return
    error.value = result.ok ? null : result.error.message
    entries.value = result.ok ? result.value.entries : []
    total.value = result.ok ? result.value.total : 0
  }

  watch([range, kind, extra], () => {
    if (page.value !== 1) page.value = 1
    else void load()
  })
  watch(page, () => void load())
  void load()
  return { range, kind, page, entries, total, error, load }
}
