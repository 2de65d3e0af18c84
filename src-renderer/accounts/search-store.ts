import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { AccountSearchHit } from '../../src-shared/accounts/types'
import { call } from '../api/client'
import { looksLikeBillCode } from '../documents/scan-to-pay'

const debounceMs = 120
export const searchLimit = 50

/**
 * The search box and its results. Kept in a store so that coming back from an account card
 * shows the same query, results and highlighted row.
 */
export const useAccountSearchStore = defineStore('accountSearch', () => {
  const query = ref('')
  const hits = shallowRef<AccountSearchHit[]>([])
  const more = ref(false)
  const error = ref<string | null>(null)
  const pending = ref(false)
  /** Index of the highlighted row; -1 until the first arrow key (Enter then opens the first). */
  const highlighted = ref(-1)
  /** Set by the global hotkey: the search view focuses its input, selects the text, resets this. */
  const focusRequested = ref(false)

  let sequence = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  let running: Promise<void> = Promise.resolve()

  const blank = computed(() => query.value.trim() === '')

  function showNothing(): void {
    hits.value = []
    more.value = false
    error.value = null
    highlighted.value = -1
  }

  async function run(): Promise<void> {
    const mine = ++sequence
    pending.value = true
    const result = await call('accounts.search', { query: query.value, limit: searchLimit })
    // Responses may arrive out of order: only the latest request may touch the results.
    if (mine !== sequence) return
    pending.value = false
    highlighted.value = -1
    if (result.ok) {
      hits.value = result.value.hits
      more.value = result.value.more
      error.value = null
    } else {
      hits.value = []
      more.value = false
      error.value = result.error.message
    }
  }

  function setQuery(text: string): void {
    query.value = text
    clearTimeout(timer)
    timer = undefined
    sequence++ // an answer still on its way is for an older query: drop it
    // A bill's QR typed by a scanner is not a search: Enter pays it (see scan-to-pay).
    if (blank.value || looksLikeBillCode(text)) {
      pending.value = false
      showNothing()
      return
    }
    pending.value = true
    timer = setTimeout(() => {
      timer = undefined
      running = run()
    }, debounceMs)
  }

  /** Waits until the results answer the current query (Enter pressed right after typing). */
  async function settle(): Promise<void> {
    if (timer !== undefined) {
      clearTimeout(timer)
      timer = undefined
      running = run()
    }
    let current: Promise<void>
    do {
      current = running
      await current
    } while (current !== running)
  }

  function move(delta: number): void {
    if (hits.value.length === 0) return
    const next = highlighted.value + delta
    highlighted.value = Math.max(0, Math.min(hits.value.length - 1, next))
  }

  function highlight(index: number): void {
    if (index >= 0 && index < hits.value.length) highlighted.value = index
  }

  function requestFocus(): void {
    focusRequested.value = true
  }

  /** Forgets everything: another operator may log in next. */
  function clear(): void {
    clearTimeout(timer)
    timer = undefined
    sequence++
    query.value = ''
    pending.value = false
    showNothing()
  }

  return {
    query,
    hits,
    more,
    error,
    pending,
    highlighted,
    focusRequested,
    blank,
    setQuery,
    settle,
    move,
    highlight,
    requestFocus,
    clear,
  }
})
