export const SYNC_INTERVAL_MS = 30_000
const FIRST_RETRY_MS = 2_000
const MAX_RETRY_MS = 5 * 60_000

/**
 * How long the sync loop waits before its next run: the regular interval after a success; after
 * failures, a doubling delay with "full jitter" (random in [half, all] of it), so that many
 * workstations coming back online at once do not retry in step.
 */
export function nextSyncDelay(failures: number, random: number): number {
  if (failures <= 0) return SYNC_INTERVAL_MS
  const ceiling = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** (failures - 1))
  return Math.round(ceiling / 2 + (ceiling / 2) * random)
}

/** The longest a server's Retry-After holds the loop: a wrong header never stops sync for long. */
export const MAX_RETRY_AFTER_MS = 15 * 60_000

/**
 * How long the loop waits after the server answered 429 or 503 with Retry-After: that long
 * (bounded), plus up to a second so that desks held together do not come back in step.
 */
export function retryAfterDelay(retryAfterMs: number, random: number): number {
  return Math.min(MAX_RETRY_AFTER_MS, Math.max(0, retryAfterMs)) + Math.round(1000 * random)
}
