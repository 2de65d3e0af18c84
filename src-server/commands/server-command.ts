import { z } from 'zod'
import { validate } from '../../src-shared/api/validation'
import { syncMessages } from '../../src-shared/sync/messages'
import type { ServerDb } from '../db/connection'
import type { SyncedWriter } from '../sync/synced-write'

export interface ServerCommandContext {
  commandId: string
  deviceId: string
  workstationId: string
  /** From the workstation's credentials, never from the request. */
  branchId: string
  operatorId: string | null
  /** ISO instant the clerk made the command */
  at: string
}

/**
 * How the server applies one command name at one arguments version. It parses the arguments
 * again and checks them against what the server holds: the workstation's checks are a courtesy.
 */
export interface ServerCommand<A = unknown> {
  name: string
  argsVersion: number
  args: z.ZodType<A>
  apply(tx: ServerDb, write: SyncedWriter, args: A, ctx: ServerCommandContext): Promise<unknown>
}

/** A permanent refusal: stored, answered as `rejected`, and the device's sequence advances. */
export class CommandRejected extends Error {}

export function reject(message: string): never {
  throw new CommandRejected(message)
}

/** Declares a server command with its argument type inferred from the schema. */
export function serverCommand<A>(def: ServerCommand<A>): ServerCommand<A> {
  return def
}

/**
 * The arguments a workstation recorded: the clerk's input, parsed again by the shared schema the
 * screen used, plus what the workstation fixed (ids, numbers, times) under `made`.
 */
export function recordedArgs<A extends object, M extends object>(
  input: z.ZodType<A, unknown>,
  made: z.ZodType<M, unknown>,
): z.ZodType<A & M> {
  return z.unknown().transform((raw, ctx): A & M => {
    const a = validate(input, raw)
    const b = validate(made, raw)
    if (!a.ok || !b.ok) {
      const message = (a.ok ? b : a) as { error: { message: string } }
      ctx.addIssue({ code: 'custom', message: syncMessages.invalidArgs(message.error.message) })
      return z.NEVER
    }
    return { ...a.value, ...b.value }
  })
}
