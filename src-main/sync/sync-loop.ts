import { nextSyncDelay, retryAfterDelay } from '../../src-shared/sync/backoff'

/**
 * The one background sync loop of a workstation: runs on start, on a timer, and when woken (after
 * a local command, on reconnect). A wake-up during a run queues one more run instead of a second
 * loop, so two runs never overlap.
 */
export class SyncLoop {
  private running: Promise<void> | null = null
  private again = false
  private timer: ReturnType<typeof setTimeout> | null = null
  private active = false
  failures = 0
  /** Until when (ms since epoch) the server asked not to be called (Retry-After); 0: no hold. */
  heldUntil = 0

  constructor(
    private readonly run: () => Promise<unknown>,
    private readonly random: () => number = Math.random,
  ) {}

  get started(): boolean {
    return this.active
  }

  start(): void {
    if (this.active) return
    this.active = true
    void this.wake()
  }

  async stop(): Promise<void> {
    this.active = false
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    await this.running
  }

  /** Runs now, or right after the current run; resolves when the runs in progress end. */
  wake(): Promise<void> {
    if (!this.active) return Promise.resolve()
    // The server asked for a pause: wake-ups wait for the timer set at its end.
    if (Date.now() < this.heldUntil) return Promise.resolve()
    if (this.running) {
      this.again = true
      return this.running
    }
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    this.running = this.loop()
    return this.running
  }

  private async loop(): Promise<void> {
    let held: number | null = null
    do {
      this.again = false
      try {
        await this.run()
        this.failures = 0
      } catch (error) {
        // The error is recorded with the attempt (sync.status shows it); retry with backoff, or
        // when the server said (429/503 with Retry-After).
        this.failures += 1
        held = retryAfterMsOf(error)
      }
    } while (this.again && this.active && held === null)
    this.running = null
    const delay =
      held !== null
        ? retryAfterDelay(held, this.random())
        : nextSyncDelay(this.failures, this.random())
    this.heldUntil = held !== null ? Date.now() + delay : 0
    if (this.active) {
      this.timer = setTimeout(() => {
        this.heldUntil = 0
        void this.wake()
      }, delay)
      this.timer.unref?.()
    }
  }
}

/** The server's Retry-After carried by a failed run's error, in ms; null without one. */
export function retryAfterMsOf(error: unknown): number | null {
  const ms = (error as { retryAfterMs?: unknown } | null)?.retryAfterMs
  return typeof ms === 'number' && Number.isFinite(ms) ? ms : null
}
