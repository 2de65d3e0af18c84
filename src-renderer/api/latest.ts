import { ref, shallowRef } from 'vue'
import type { ApiResult } from '../../src-shared/api/result'

/**
 * Reads of which only the latest counts: the clerk moved on to another account, range or page
 * while an older answer was on its way. `latest(read)` answers null for a read a newer one (or
 * `drop`, when the screen is left) has superseded.
 */
export function latestOnly() {
  let sequence = 0
  return {
    async latest<T>(read: () => Promise<T>): Promise<T | null> {
      const mine = ++sequence
      const answer = await read()
      return mine === sequence ? answer : null
    },
    drop(): void {
      sequence++
    },
  }
}

/**
 * What a screen opens on (an account's payment proposal, its readings entry context): null while
 * it is read and when the read is refused (the refusal's words in `error`); opening another
 * account supersedes an older read still on its way. `open` answers the value, or null.
 */
export function useOpened<A, T>(read: (arg: A) => Promise<ApiResult<T>>) {
  const value = shallowRef<T | null>(null)
  const error = ref<string | null>(null)
  const reads = latestOnly()

  async function open(arg: A): Promise<T | null> {
    value.value = null
    error.value = null
    const result = await reads.latest(() => read(arg))
    if (!result) return null
    if (!result.ok) {
      error.value = result.error.message
      return null
    }
    value.value = result.value
    return result.value
  }

  return { value, error, open }
}
