import type { PushRequest, PushResponse } from '../../src-shared/sync/protocol'
import type { ServerDb } from '../db/connection'
import type { WorkstationIdentity } from '../workstation/credentials'
import { pushBatch, pushCommands, type PushEntry, type PushOptions } from './push'
import { preparedCommand } from './prepared-command'
import { branchKey } from './versions'

/** The most pushes one transaction takes, and the most commands (a group always takes one push). */
export const GROUP_PUSHES = 64
export const GROUP_COMMANDS = 1000

interface Waiting {
  entry: PushEntry
  resolve(response: PushResponse): void
  reject(error: unknown): void
}

/**
 * Group commit of a branch's pushes. Every push of a branch moves the branch's counter, whose row
 * lock PostgreSQL holds until the commit's WAL flush: pushes arriving together would queue on it,
 * one flush each, and hold a pooled connection while they wait. Here a push of a branch whose
 * push transaction is in flight waits in this process instead; when that one ends, the pushes
 * waiting go together as one batch (pushBatch: each push's commands in order, with its own device
 * lock, records and sequence; one commit). If that transaction fails, each push goes again on its
 * own (pushCommands: its batch, then one transaction per command), so one push's bad command
 * never costs another push anything but the wait.
 */
export class PushGroups {
  private readonly branches = new Map<string, Waiting[]>()

  constructor(private readonly db: ServerDb) {}

  push(ws: WorkstationIdentity, request: PushRequest, options: PushOptions): Promise<PushResponse> {
    const key = branchKey(ws.branchId)
    // Its checks that read nothing run now, while the branch's group before it is in flight.
    for (const command of request.commands) preparedCommand(command, options.outdated)
    return new Promise<PushResponse>((resolve, reject) => {
      const entry = { ws, request, options }
      const waiting = this.branches.get(key)
      if (waiting) {
        waiting.push({ entry, resolve, reject })
        return
      }
      this.branches.set(key, [])
      void this.lead(key, [{ entry, resolve, reject }])
    })
  }

  /** Runs `group`, then the pushes that came meanwhile, until none wait for the branch. */
  private async lead(key: string, group: Waiting[]): Promise<void> {
    for (;;) {
      // run answers each push itself; anything else is a bug, and must not strand the branch.
      await this.run(group).catch((error: unknown) => group.forEach((w) => w.reject(error)))
      const waiting = this.branches.get(key)!
      if (waiting.length === 0) {
        this.branches.delete(key)
        return
      }
      group = nextGroup(waiting)
    }
  }

  private async run(group: Waiting[]): Promise<void> {
    if (group.length > 1) {
      try {
        const answers = await pushBatch(
          this.db,
          group.map((w) => w.entry),
        )
        group.forEach((w, i) => w.resolve({ outcomes: answers[i]!, stopped: null }))
        return
      } catch {
        // Each push on its own path, as if it had come alone.
      }
    }
    await Promise.all(
      group.map(({ entry: { ws, request, options }, resolve, reject }) =>
        pushCommands(this.db, ws, request, options).then(resolve, reject),
      ),
    )
  }
}

/** The next group from the front of `waiting` (removed from it), within the bounds. */
export function nextGroup<T extends { entry: { request: { commands: unknown[] } } }>(
  waiting: T[],
): T[] {
  let n = 0
  let commands = 0
  while (n < waiting.length && n < GROUP_PUSHES) {
    commands += waiting[n]!.entry.request.commands.length
    if (n > 0 && commands > GROUP_COMMANDS) break
    n += 1
  }
  return waiting.splice(0, n)
}
