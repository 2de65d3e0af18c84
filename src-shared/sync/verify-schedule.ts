/** How often a workstation compares its replica with the server when nothing asked sooner. */
export const VERIFY_EVERY_MS = 86_400_000

/**
 * Whether a sync should verify the replica now: once a day, and at once when the mark is cleared
 * (`verifiedAt` null: never verified, or the server rejected a command since).
 */
export function verifyDue(verifiedAt: string | null, now: Date): boolean {
  if (verifiedAt === null) return true
  const at = Date.parse(verifiedAt)
  // An unreadable mark, or one from the future (the clock was moved back): verify.
  return Number.isNaN(at) || at > now.getTime() || now.getTime() - at >= VERIFY_EVERY_MS
}
