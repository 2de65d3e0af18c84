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
