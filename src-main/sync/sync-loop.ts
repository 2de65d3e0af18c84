import { nextSyncDelay } from '../../src-shared/sync/backoff'

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
    do {
      this.again = false
      try {
        await this.run()
        this.failures = 0
      } catch {
        // The error is recorded with the attempt (sync.status shows it); retry with backoff.
        this.failures += 1
      }
    } while (this.again && this.active)
    this.running = null
    if (this.active) {
      this.timer = setTimeout(() => void this.wake(), nextSyncDelay(this.failures, this.random()))
      this.timer.unref?.()
    }
  }
}
