import type { CommandArgs, CommandName } from '../../src-shared/sync/commands'
import type { ServerDb } from '../db/connection'
import type { SyncedWriter } from '../sync/synced-write'

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

/**
 * How the server applies one command of the shared contract (src-shared/sync/commands.ts): the
 * payload arrives parsed by the contract's schema, the operator checked; the applier checks the
 * rest against what the server holds. The workstation's checks are a courtesy.
 */
export interface ServerCommand<N extends CommandName = CommandName> {
  name: N
  apply(
    tx: ServerDb,
    write: SyncedWriter,
    args: CommandArgs<N>,
    ctx: ServerCommandContext,
  ): Promise<unknown>
}

/** A permanent refusal: stored, answered as `rejected`, and the device's sequence advances. */
export class CommandRejected extends Error {}

export function reject(message: string): never {
  throw new CommandRejected(message)
}

/** Declares a server command: its argument type comes from the contract entry of its name. */
export function serverCommand<N extends CommandName>(def: ServerCommand<N>): ServerCommand<N> {
  return def
}
