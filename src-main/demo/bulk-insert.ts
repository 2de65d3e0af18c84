import type { Statement } from 'better-sqlite3'
import type { Sqlite } from '../db/connection'

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)

/**
 * Inserts rows of one table many at a time, from one flat array of values: a multi-row INSERT
 * of `batch` rows crosses from JS to SQLite once instead of `batch` times.
 */
export class BulkInsert {
  private readonly full: Statement
  private readonly one: Statement
  private readonly width: number
  private pending: unknown[] = []
  /** Rows written so far. */
  count = 0

  constructor(
    sqlite: Sqlite,
    table: string,
    columns: readonly string[],
    private readonly batch = 50,
  ) {
    this.width = columns.length
    const head = `INSERT INTO ${table} (${columns.map(snake).join(', ')}) VALUES `
    const tuple = `(${columns.map(() => '?').join(', ')})`
    this.full = sqlite.prepare(head + Array.from({ length: batch }, () => tuple).join(', '))
    this.one = sqlite.prepare(head + tuple)
  }

  /** Row after row of values, in column order; whole batches are written at once, the rest at flush. */
  addValues(values: unknown[]): void {
    if (values.length % this.width !== 0) throw new Error('values are not whole rows')
    this.count += values.length / this.width
    const all = this.pending.length > 0 ? this.pending.concat(values) : values
    const step = this.width * this.batch
    let i = 0
    for (; i + step <= all.length; i += step) this.full.run(all.slice(i, i + step))
    this.pending = all.slice(i)
  }

  /** Writes what is left; call before the transaction commits. */
  flush(): void {
    for (let i = 0; i < this.pending.length; i += this.width) {
      this.one.run(this.pending.slice(i, i + this.width))
    }
    this.pending = []
  }
}
