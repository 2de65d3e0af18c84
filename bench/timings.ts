/** Percentiles of one bench's timings, in milliseconds rounded to microseconds. */
export class Timings {
  private readonly values: number[] = []
  private sorted = true

  add(ms: number): void {
    this.values.push(ms)
    this.sorted = false
  }

  get count(): number {
    return this.values.length
  }

  percentile(p: number): number {
    if (!this.sorted) this.values.sort((a, b) => a - b)
    this.sorted = true
    const v = this.values
    return round(v[Math.min(v.length - 1, Math.floor((p / 100) * v.length))] ?? 0)
  }

  get max(): number {
    return this.percentile(100)
  }
}

export const round = (ms: number) => Math.round(ms * 1000) / 1000

/** The app's time over the bare SQLite time of the same run. */
export const ratio = (app: number, raw: number) =>
  raw > 0 ? Math.round((app / raw) * 100) / 100 : 0

/**
 * CPU time (user + system) of the process over the timed sections: unlike wall time it hardly
 * moves with what other processes do, so it shows what a change to the code bought.
 */
export class CpuTime {
  private micros = 0
  private count = 0
  private started: NodeJS.CpuUsage | null = null

  start(): void {
    this.started = process.cpuUsage()
  }

  stop(): void {
    const used = process.cpuUsage(this.started ?? undefined)
    this.micros += used.user + used.system
    this.count += 1
  }

  /** Mean milliseconds per timed section. */
  get meanMs(): number {
    return this.count > 0 ? round(this.micros / this.count / 1000) : 0
  }
}
