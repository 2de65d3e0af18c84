import { sql, type SQL } from 'drizzle-orm'
import type {
  CommandOutcome,
  PushedCommand,
  PushRequest,
  PushResponse,
} from '../../src-shared/sync/protocol'
import { syncMessages } from '../../src-shared/sync/messages'
import { actorRefusal, confirmingSupervisors, OperatorDirectory } from '../commands/actors'
import { CommandRejected } from '../commands/server-command'
import { pipelines, type ServerDb } from '../db/connection'
import { queryRows } from '../db/query'
import type { WorkstationIdentity } from '../workstation/credentials'
import { GroupChecks } from './group-checks'
import { GroupWrites } from './group-writes'
import { preparedCommand } from './prepared-command'
import { SyncedWriter } from './synced-write'
import { HeldCounters } from './versions'

interface StoredCommand {
  status: 'applied' | 'rejected'
  result: unknown
  reason: string | null
  version: number | null
  /** Whose command the id is. */
  workstationId?: string
}

/** The record of a command: its arguments as stored, when they cannot be stored as they came. */
interface CommandRecord {
  entry: PushEntry
  command: PushedCommand
  stored: StoredCommand
  args?: unknown
}

export interface PushOptions {
  /** The client's app is older than the server takes other commands from. */
  outdated: boolean
  /** Test hook: runs inside each command's transaction before it commits. */
  beforeCommit?: (command: PushedCommand) => Promise<void>
  /** The operator of the online session the push came with (its token stood), else null. */
  sessionOperatorId?: string | null
  /** Reject instead of applying (the command broke a constraint on the first try). */
  reason?: string
}

/** One workstation's push: a part of a batch. */
export interface PushEntry {
  ws: WorkstationIdentity
  request: PushRequest
  options: PushOptions
}

/**
 * Applies a workstation's commands in order, each with its idempotency record and the device's
 * sequence in the same transaction as its effects. A batch first goes as one transaction (group
 * commit: one lock of the device, one write of the records and of its sequence). If
 * anything in it fails, it is rolled back and its commands go again through the same write one
 * transaction each, where a transient failure stops the batch and a broken constraint rejects
 * only its command.
 */
export async function pushCommands(
  db: ServerDb,
  ws: WorkstationIdentity,
  request: PushRequest,
  options: PushOptions,
): Promise<PushResponse> {
  try {
    return { outcomes: (await pushBatch(db, [{ ws, request, options }]))[0]!, stopped: null }
  } catch {
    return pushEach(db, ws, request, options)
  }
}

async function pushEach(
  db: ServerDb,
  ws: WorkstationIdentity,
  request: PushRequest,
  options: PushOptions,
): Promise<PushResponse> {
  const outcomes: CommandOutcome[] = []
  for (const command of request.commands) {
    // The same write as a batch's, of this one command (on PostgreSQL the commit goes behind it).
    const alone = { ...request, commands: [command] }
    try {
      outcomes.push(...(await pushBatch(db, [{ ws, request: alone, options }]))[0]!)
    } catch (error) {
      // A constraint the data breaks fails the same way on every retry: a permanent rejection,
      // recorded in a fresh transaction, so one bad command cannot hold up the ones after it.
      const violation = constraintViolation(error)
      if (!violation) {
        return { outcomes, stopped: error instanceof Error ? error.message : String(error) }
      }
      try {
        const reason = syncMessages.conflictsWithServer(violation)
        const rejecting = { ws, request: alone, options: { ...options, reason } }
        outcomes.push(...(await pushBatch(db, [rejecting]))[0]!)
      } catch (again) {
        return { outcomes, stopped: again instanceof Error ? again.message : String(again) }
      }
    }
  }
  return { outcomes, stopped: null }
}

/**
 * The constraint an integrity violation (SQLSTATE class 23) names, or the code of data the
 * database cannot take (class 22: bad text, a number out of range; 54: over a limit), through
 * drizzle's wrapper: failures that come back the same on every retry.
 */
function constraintViolation(error: unknown): string | null {
  for (let e = error; e instanceof Error || (e && typeof e === 'object');) {
    const { code, constraint, cause } = e as {
      code?: unknown
      constraint?: unknown
      cause?: unknown
    }
    if (typeof code === 'string' && /^(22|23|54)/.test(code)) {
      return typeof constraint === 'string' ? constraint : code
    }
    e = cause
  }
  return null
}

interface DeviceRow {
  workstationId: string
  lastSeq: number
}

/**
 * Locks the devices of a batch's pushes (registering new ones to the first workstation naming
 * them), in the order of their ids: the device row is the per-device lock, so duplicates in
 * flight wait here, then see the record.
 */
async function lockDevices(tx: ServerDb, entries: PushEntry[]): Promise<Map<string, DeviceRow>> {
  const named = new Map<string, string>()
  for (const { ws, request } of entries)
    if (!named.has(request.deviceId)) named.set(request.deviceId, ws.workstationId)
  const wanted = [...named].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  const rows = await queryRows<DeviceRow & { deviceId: string }>(
    tx,
    sql`INSERT INTO devices (device_id, workstation_id)
        SELECT d.id, d.ws FROM json_to_recordset(${JSON.stringify(wanted.map(([id, ws]) => ({ id, ws })))}::json)
                                 AS d(id text, ws text)
         ORDER BY d.id
        ON CONFLICT (device_id) DO UPDATE SET last_seen_at = now()
        RETURNING device_id AS "deviceId", workstation_id AS "workstationId", last_seq AS "lastSeq"`,
  )
  return new Map(
    rows.map((r) => [r.deviceId, { workstationId: r.workstationId, lastSeq: Number(r.lastSeq) }]),
  )
}

function duplicateOf(command: PushedCommand, stored: StoredCommand): CommandOutcome {
  return {
    id: command.id,
    status: 'duplicate',
    outcome: stored.status,
    result: stored.result,
    reason: stored.reason,
    version: stored.version === null ? null : Number(stored.version),
  }
}

/** What one new command comes to: its answer, the record to store, and whether seq advances. */
interface Decision {
  outcome: CommandOutcome
  stored: StoredCommand
  advance: boolean
  /** Arguments the database cannot hold are kept as their JSON text, for the supervisor. */
  args?: unknown
}

/** Another workstation's command id: refused as such, never answered with that command's result. */
function foreign(stored: StoredCommand, ws: WorkstationIdentity): boolean {
  return stored.workstationId !== undefined && stored.workstationId !== ws.workstationId
}

function foreignOutcome(command: PushedCommand): CommandOutcome {
  return { id: command.id, status: 'rejected', reason: syncMessages.foreignCommandId }
}

/** Checks one command not seen before and, when it passes, applies it through `held`. */
async function decide(
  tx: ServerDb,
  { ws, request: { deviceId }, options }: PushEntry,
  device: DeviceRow,
  command: PushedCommand,
  directory: OperatorDirectory,
  held: HeldCounters,
  group: { writes: GroupWrites; checks: GroupChecks },
): Promise<Decision> {
  const rejected = (reason: string, advance: boolean, args?: unknown): Decision => ({
    outcome: { id: command.id, status: 'rejected', reason },
    stored: { status: 'rejected', result: null, reason, version: null },
    advance,
    args,
  })
  const prepared = preparedCommand(command, options.outdated)
  // First what the record itself could not hold: refused for good, the queue behind goes on.
  if (prepared.unstorable)
    return rejected(prepared.unstorable.reason, true, prepared.unstorable.args)
  if (device.workstationId !== ws.workstationId) {
    return rejected(syncMessages.foreignDevice, false)
  }
  if (command.seq <= device.lastSeq) {
    // A sequence taken by another command: a copied or restored replica. Never applied.
    console.warn(
      `sync: cloned device ${deviceId} (workstation ${ws.workstationId}): seq ${command.seq} reused by ${command.id}`,
    )
    return rejected(syncMessages.clonedDevice(command.seq, device.lastSeq), false)
  }
  if (options.reason) return rejected(options.reason, true)
  if (prepared.invalid !== undefined) return rejected(prepared.invalid, true)
  const def = prepared.def!
  const sessionOperatorId = options.sessionOperatorId ?? null
  const refusal = await actorRefusal(directory, ws, command, def.contract, sessionOperatorId)
  if (refusal) return rejected(refusal, true)
  const operator = (await directory.get(command.operatorId!))!
  const checks = group.checks.of(command)
  // A command that reads only its checks adds its rows to the group's; any other reads first.
  const write = new SyncedWriter(tx, ws.branchId, held, checks ? group.writes : null)
  try {
    const found = checks ? await group.checks.answer(command, checks) : {}
    if (!checks) await group.checks.othersWrite()
    // Appliers refuse before they write: a refusal leaves nothing but the record and the sequence.
    const result = await def.applier.apply(
      tx,
      write,
      prepared.args as never,
      {
        commandId: command.id,
        deviceId,
        workstationId: ws.workstationId,
        branchId: ws.branchId,
        operatorId: operator.id,
        operatorCentral: operator.central,
        sessionOperatorId,
        at: command.at,
      },
      found,
    )
    // Who an operator is may have just changed: the next command naming them reads it again.
    if (command.name === 'operator.save') {
      directory.forget((prepared.args as { operatorId: string }).operatorId)
    }
    await write.flush()
    const version = write.lastVersion
    return {
      outcome: { id: command.id, status: 'applied', result, version },
      stored: { status: 'applied', result, reason: null, version },
      advance: true,
    }
  } catch (error) {
    if (error instanceof CommandRejected) return rejected(error.message, true)
    throw error
  }
}

/** The idempotency records of a batch's commands, one statement for any number of them. */
function insertRecords(records: CommandRecord[]): SQL {
  const values = records.map(({ entry, command, stored, args }) => ({
    command_id: command.id,
    device_id: entry.request.deviceId,
    seq: command.seq,
    workstation_id: entry.ws.workstationId,
    branch_id: entry.ws.branchId,
    name: command.name,
    args_version: command.argsVersion,
    args: args !== undefined ? args : (command.args ?? null),
    operator_id: command.operatorId,
    session_operator_id: entry.options.sessionOperatorId ?? null,
    at: command.at,
    status: stored.status,
    result: stored.result ?? null,
    reason: stored.reason,
    version: stored.version,
  }))
  const names = sql.raw(Object.keys(values[0]!).join(', '))
  return sql`INSERT INTO applied_commands (${names})
             SELECT ${names}
               FROM json_populate_recordset(NULL::applied_commands, ${JSON.stringify(values)}::json)`
}

/** The devices' new sequences, one statement for any number of them. */
function advanceDevices(seqs: { id: string; seq: number }[]): SQL {
  return sql`UPDATE devices d SET last_seq = v.seq
               FROM json_to_recordset(${JSON.stringify(seqs)}::json) AS v(id text, seq bigint)
              WHERE d.device_id = v.id`
}

/**
 * The commands of one or more pushes (a workstation's batch, or the pushes of a branch that
 * arrived together, see push-group.ts) in one transaction, each push's commands in order after
 * the previous push's: one lock of each device, the branch's counters held once (HeldCounters),
 * the records and sequences written once, one commit. Commands whose appliers declare their
 * checks have them read for all at once (GroupChecks) and their rows written once per table
 * (GroupWrites), so such a group costs a few round trips, not two per command. The outcomes, per
 * push. Throws (rolling everything back) on any failure.
 */
export async function pushBatch(
  db: ServerDb,
  entries: readonly PushEntry[],
): Promise<CommandOutcome[][]> {
  const busy = entries.filter((e) => e.request.commands.length > 0)
  if (busy.length === 0) return entries.map(() => [])
  const commands = busy.flatMap((e) => e.request.commands)
  // Each command's declared checks, to be read for the whole group at once (see GroupChecks).
  const declared = busy.flatMap(({ ws, request, options }) =>
    request.commands.flatMap((command) => {
      const { def, args } = preparedCommand(command, options.outdated)
      const lookups = def?.applier.checks?.(args as never, ws)
      return lookups ? [{ command, lookups }] : []
    }),
  )
  // On a pipelining connection the commit is sent right behind the last statement, not after
  // its answer: the branch counter's lock then waits for no round trip of ours. A failure of
  // that statement turns the commit into a rollback, and fails the batch here.
  const commitBehind = pipelines(db) && !busy.some((e) => e.options.beforeCommit)
  let finished: Promise<{ error: unknown } | null> = Promise.resolve(null)
  const answers = await db.transaction(async (tx) => {
    // All sent at once: the records are read after the devices' locks are taken, in order; the
    // operators the batch names (one query for all of them) with them.
    const directory = new OperatorDirectory(tx)
    // Versions are handed out in memory, the counters stored once at the end.
    const held = new HeldCounters(tx, pipelines(db))
    const writes = new GroupWrites(tx, held)
    const group = { writes, checks: new GroupChecks(tx, writes) }
    const [devices, storedRows] = await Promise.all([
      lockDevices(tx, busy),
      queryRows<StoredCommand & { id: string }>(
        tx,
        sql`SELECT command_id AS id, status, result, reason, version,
                   workstation_id AS "workstationId"
              FROM applied_commands
             WHERE command_id IN (SELECT json_array_elements_text(${JSON.stringify(commands.map((c) => c.id))}::json))`,
      ),
      directory.load(commands.flatMap((c) => [c.operatorId, ...confirmingSupervisors(c)])),
      group.checks.load(declared),
    ])
    const seen = new Map<string, StoredCommand>(storedRows.map((row) => [row.id, row]))
    const firstSeqs = new Map([...devices].map(([id, d]) => [id, d.lastSeq]))
    const records: CommandRecord[] = []
    const answers = new Map<PushEntry, CommandOutcome[]>()
    for (const entry of busy) {
      const { ws } = entry
      const device = devices.get(entry.request.deviceId)!
      const outcomes: CommandOutcome[] = []
      answers.set(entry, outcomes)
      for (const command of entry.request.commands) {
        const stored = seen.get(command.id)
        if (stored && foreign(stored, ws)) {
          // Its record is the other workstation's: nothing is stored, the sequence moves on.
          outcomes.push(foreignOutcome(command))
          if (command.seq > device.lastSeq) device.lastSeq = command.seq
          continue
        }
        if (stored) {
          outcomes.push(duplicateOf(command, stored))
          continue
        }
        const decision = await decide(tx, entry, device, command, directory, held, group)
        if (decision.advance) device.lastSeq = command.seq
        seen.set(command.id, { ...decision.stored, workstationId: ws.workstationId })
        records.push({ entry, command, stored: decision.stored, args: decision.args })
        outcomes.push(decision.outcome)
      }
    }
    await writes.send()
    await held.settle()
    const finish: SQL[] = held.statements()
    const moved = [...devices]
      .filter(([id, d]) => d.lastSeq !== firstSeqs.get(id))
      .map(([id, d]) => ({ id, seq: d.lastSeq }))
    if (moved.length > 0) finish.push(advanceDevices(moved))
    if (records.length > 0) finish.push(insertRecords(records))
    if (finish.length > 0) {
      // One round trip: the records, the devices' sequences (and held counters).
      const ctes = finish.slice(0, -1).map((q, k) => sql`${sql.raw(`f${k}`)} AS (${q})`)
      const statement = tx.execute(
        ctes.length === 0 ? finish[0]! : sql`WITH ${sql.join(ctes, sql`, `)} ${finish.at(-1)!}`,
      )
      if (commitBehind) {
        finished = Promise.resolve(
          statement.then(
            () => null,
            (error: unknown) => ({ error }),
          ),
        )
      } else {
        await statement
      }
    }
    for (const { entry, command, stored } of records) {
      if (stored.status === 'applied') await entry.options.beforeCommit?.(command)
    }
    return answers
  })
  const failed = await finished
  if (failed) throw failed.error
  return entries.map((e) => answers.get(e) ?? [])
}
