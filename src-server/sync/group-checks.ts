import { sql } from 'drizzle-orm'
import type { PushedCommand } from '../../src-shared/sync/protocol'
import type { ServerDb } from '../db/connection'
import { queryRow } from '../db/query'
import { exist, lookupSql, type RowLookup } from '../commands/lookups'
import type { GroupWrites } from './group-writes'

/** Checks per query: PostgreSQL takes at most 1,664 columns. */
const CHECKS_PER_QUERY = 500

/**
 * The existence checks of a pushed group's commands (those whose applier declares them), read
 * for all of them in one query before the group writes anything, instead of a round trip per
 * command. An answer read then still stands for a later command as long as the group's earlier
 * commands only inserted rows of the checked table (such a row can only make a check true, and
 * the group's rows are counted in, see GroupWrites.holds) and no command of another kind, which
 * may write anything, ran before it. Otherwise the command's checks are read again, behind the
 * group's writes.
 */
export class GroupChecks {
  private readonly answers = new Map<PushedCommand, Record<string, boolean>>()
  private readonly lookups = new Map<PushedCommand, Record<string, RowLookup>>()
  private othersRan = false

  constructor(
    private readonly tx: ServerDb,
    private readonly writes: GroupWrites,
  ) {}

  /** Reads the checks of the commands given, before any write of the group. */
  async load(wanted: { command: PushedCommand; lookups: Record<string, RowLookup> }[]) {
    for (const { command, lookups } of wanted) this.lookups.set(command, lookups)
    const flat = wanted.flatMap(({ command, lookups }) =>
      Object.entries(lookups).map(([name, lookup]) => ({ command, name, lookup })),
    )
    const parts: Promise<void>[] = []
    for (let i = 0; i < flat.length; i += CHECKS_PER_QUERY) {
      const part = flat.slice(i, i + CHECKS_PER_QUERY)
      const columns = part.map(
        ({ lookup }, k) => sql`EXISTS (${lookupSql(lookup)}) AS ${sql.identifier(`c${k}`)}`,
      )
      parts.push(
        queryRow<Record<string, boolean>>(this.tx, sql`SELECT ${sql.join(columns, sql`, `)}`).then(
          (row) => {
            part.forEach(({ command, name }, k) => {
              const answers = this.answers.get(command) ?? {}
              answers[name] = row![`c${k}`] === true
              this.answers.set(command, answers)
            })
          },
        ),
      )
    }
    await Promise.all(parts)
  }

  /** The checks a command of the group declares (undefined: it reads for itself). */
  of(command: PushedCommand): Record<string, RowLookup> | undefined {
    return this.lookups.get(command)
  }

  /** A command without declared checks is about to run: it may write anything. */
  async othersWrite(): Promise<void> {
    this.othersRan = true
    await this.writes.send()
  }

  /** The answers of `command`'s checks as the group's earlier commands left them. */
  async answer(
    command: PushedCommand,
    lookups: Record<string, RowLookup>,
  ): Promise<Record<string, boolean>> {
    const read = this.answers.get(command)
    const entries = Object.entries(lookups)
    if (read && !this.othersRan && entries.every(([, l]) => !this.writes.changed(l.table))) {
      return Object.fromEntries(
        entries.map(([name, l]) => [name, read[name] === true || this.writes.holds(l)]),
      )
    }
    // Read behind the group's rows, which go first on the connection.
    await this.writes.send()
    return exist(this.tx, lookups)
  }
}
