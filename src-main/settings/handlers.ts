import { syncMessages } from '../../src-shared/sync/messages'
import { officeToday, runCommand } from '../api/context'
import type { DomainHandlers, HandlerContext } from '../api/dispatch'
import { ApiFailure } from '../api/failure'
import { type CommandDef } from '../commands/command'
import type { CommandName } from '../../src-shared/sync/commands'
import { readSyncState } from '../sync/sync-state'
import { listOffices, listOperators, listSettings, listSuppliers, listTariffs } from './queries'
import { saveOffice } from './save-office'
import { saveOperator } from './save-operator'
import { saveSupplier } from './save-supplier'
import { setSetting } from './set-setting'
import { setTariff } from './set-tariff'

/** A dated value starts today or later: what was in force on a past day is never rewritten. */
export function notInPast(ctx: HandlerContext, validFrom: string): void {
  const today = officeToday(ctx)
  if (validFrom < today) {
    const message = `Действует с: не раньше сегодняшнего дня (${today.split('-').reverse().join('.')}).`
    throw new ApiFailure('invalid_input', message, { validFrom: message })
  }
}

/**
 * Operators and reference data change on the server only with the admin's own live session (the
 * token of a login the server checked): a change made without one would be refused there, so it
 * is refused here, before it reaches the outbox. A replica with no server has nothing to refuse.
 */
export function requireOnlineAdmin(ctx: HandlerContext): void {
  if (readSyncState(ctx.services.db) && !ctx.session?.token) {
    throw new ApiFailure('forbidden', syncMessages.adminOffline)
  }
}

/** How long the answer waits for the sync that carries the change (it goes on behind). */
const SEND_WAIT_MS = 5000

/** The change goes to the server now, while the admin's session stands; the answer waits a bit. */
export async function sendNow<R>(ctx: HandlerContext, result: R): Promise<R> {
  let timer: ReturnType<typeof setTimeout> | undefined
  await Promise.race([
    ctx.services.sync.wake(),
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, SEND_WAIT_MS)
    }),
  ]).finally(() => clearTimeout(timer))
  return result
}

/**
 * An admin's change of reference data: refused offline (see requireOnlineAdmin) and, for a dated
 * value, in the past; recorded as a command and sent to the server at once.
 */
export function adminCommand<A, R, N extends CommandName>(
  ctx: HandlerContext,
  def: CommandDef<A, R, N>,
  input: A,
  validFrom?: string,
): Promise<R> {
  requireOnlineAdmin(ctx)
  if (validFrom !== undefined) notInPast(ctx, validFrom)
  return sendNow(ctx, runCommand(ctx, def, input))
}

export const settingsHandlers: DomainHandlers<'settings'> = {
  'settings.tariffs': (_input, { services }) => listTariffs(services.db),
  'settings.suppliers': (_input, { services }) => listSuppliers(services.db),
  'settings.offices': (_input, { services }) => listOffices(services.db),
  'settings.operators': (_input, { services }) => listOperators(services.db),
  'settings.settings': (_input, ctx) => listSettings(ctx.services.db, officeToday(ctx)),

  // The contract lets only admins reach these; the server checks role, session and scope again.
  'settings.setTariff': (input, ctx) => adminCommand(ctx, setTariff, input, input.validFrom),
  'settings.saveSupplier': (input, ctx) => adminCommand(ctx, saveSupplier, input),
  'settings.saveOffice': (input, ctx) => adminCommand(ctx, saveOffice, input),
  'settings.saveOperator': (input, ctx) => adminCommand(ctx, saveOperator, input),
  'settings.setSetting': (input, ctx) => adminCommand(ctx, setSetting, input, input.validFrom),
}
