import type { CommandArgs, CommandName } from '../../src-shared/sync/commands'
import type { ServerDb } from '../db/connection'
import type { SyncedWriter } from '../sync/synced-write'
import { exist, type RowLookup } from './lookups'

export interface ServerCommandContext {
  commandId: string
  deviceId: string
  workstationId: string
  /** From the workstation's credentials, never from the request. */
  branchId: string
  /** Checked before the applier runs: of the branch (or central), active then, role allowed. */
  operatorId: string
  /** The operator has no office: a central admin, whose scope is every branch and global rows. */
  operatorCentral: boolean
  /** The operator of the push's live session on the server (its token stood), else null. */
  sessionOperatorId: string | null
  /** ISO instant the clerk made the command */
  at: string
}

/** What a command's checks may depend on besides its arguments: known before its operator is. */
export type CheckContext = Pick<ServerCommandContext, 'branchId' | 'workstationId'>

/**
 * How the server applies one command of the shared contract (src-shared/sync/commands.ts): the
 * payload arrives parsed by the contract's schema, the operator checked; the applier checks the
 * rest against what the server holds. The workstation's checks are a courtesy.
 */
export interface ServerCommand<N extends CommandName = CommandName> {
  name: N
  /**
   * The existence checks the command needs, when they are all it reads: a pushed group answers
   * them for all its commands in one query, and the command's rows wait to be written with the
   * group's (see GroupWrites). Its `apply` then reads nothing itself and gets their answers.
   */
  checks?(args: CommandArgs<N>, ctx: CheckContext): Record<string, RowLookup>
  apply(
    tx: ServerDb,
    write: SyncedWriter,
    args: CommandArgs<N>,
    ctx: ServerCommandContext,
    /** The answers of `checks`, by name (empty without). */
    found: Record<string, boolean>,
  ): Promise<unknown>
}

/** A permanent refusal: stored, answered as `rejected`, and the device's sequence advances. */
export class CommandRejected extends Error {}

export function reject(message: string): never {
  throw new CommandRejected(message)
}

/** The answers of a command's checks read on their own, in one round trip (outside a group). */
export function answerChecks<N extends CommandName>(
  tx: ServerDb,
  def: ServerCommand<N>,
  args: CommandArgs<N>,
  ctx: ServerCommandContext,
): Promise<Record<string, boolean>> {
  return def.checks ? exist(tx, def.checks(args, ctx)) : Promise.resolve({})
}

/** Declares a server command: its argument type comes from the contract entry of its name. */
export function serverCommand<N extends CommandName>(def: ServerCommand<N>): ServerCommand<N> {
  return def
}
