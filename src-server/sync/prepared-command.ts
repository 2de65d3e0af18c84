import { syncMessages } from '../../src-shared/sync/messages'
import type { PushedCommand } from '../../src-shared/sync/protocol'
import { unstorableAt } from '../../src-shared/sync/storable'
import { alwaysAccepted, serverCommandFor } from '../commands/registry'

/** A command's arguments, as JSON, the server keeps at most (a shift's Z report is ~10 KB). */
export const MAX_ARGS_CHARS = 256 * 1024

/**
 * What a pushed command comes to before anything the server holds is read: made once, when its
 * push arrives (while another group of its branch is being written), not inside the group's
 * transaction, and kept for the retries of its push.
 */
export interface PreparedCommand {
  /** Arguments the record cannot hold as they came: refused before any other check. */
  unstorable?: { reason: string; args: unknown }
  /** A name, arguments version or payload the server does not take (after the device's checks). */
  invalid?: string
  def?: NonNullable<ReturnType<typeof serverCommandFor>>
  /** The payload as the contract's schema parsed it. */
  args?: unknown
}

const made = new WeakMap<PushedCommand, { outdated: boolean; prepared: PreparedCommand }>()

/** The command's stateless checks (`outdated`: its app is older than the server takes it from). */
export function preparedCommand(command: PushedCommand, outdated: boolean): PreparedCommand {
  const known = made.get(command)
  if (known?.outdated === outdated) return known.prepared
  const prepared = prepare(command, outdated)
  made.set(command, { outdated, prepared })
  return prepared
}

function prepare(command: PushedCommand, outdated: boolean): PreparedCommand {
  const text = JSON.stringify(command.args ?? null)
  if (text.length > MAX_ARGS_CHARS) {
    // Not kept: only how large it was.
    const reason = syncMessages.tooLarge(Math.ceil(text.length / 1024))
    return { unstorable: { reason, args: { omittedChars: text.length } } }
  }
  const bad = unstorableAt(command.args)
  if (bad !== null) return { unstorable: { reason: syncMessages.unstorableText(bad), args: text } }
  const def = serverCommandFor(command.name, command.argsVersion)
  if (!def) return { invalid: syncMessages.unknownCommand(command.name, command.argsVersion) }
  if (outdated && !alwaysAccepted(command.name)) {
    return { invalid: syncMessages.updateRequiredForCommand }
  }
  // The contract's schema of its version, strict: what was sent is exactly a known payload.
  const parsed = def.payload.safeParse(command.args)
  if (!parsed.success) {
    return { invalid: parsed.error.issues[0]?.message ?? syncMessages.invalidArgs('') }
  }
  return { def, args: parsed.data }
}
