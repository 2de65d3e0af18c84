import { officeDate } from '../../src-shared/dates'
import { writeAudit } from '../audit/audit-log'
import type { Handler } from '../api/dispatch'
import { executeCommand } from '../commands/command'
import { currentDevice } from '../workstation/device'
import { accountCard } from './card'
import { registerAccount } from './register-account'
import { searchAccounts } from './search'

export const accountHandlers: {
  'accounts.search': Handler<'accounts.search'>
  'accounts.card': Handler<'accounts.card'>
  'accounts.register': Handler<'accounts.register'>
} = {
  'accounts.search': (input, { services }) => searchAccounts(services.db, input.query, input.limit),

  'accounts.card': (input, { services, session }) => {
    const now = services.clock()
    const card = accountCard(services.db, input.accountId, officeDate(now, services.timeZone))
    // Personal data law: every view of a customer card is in the audit log.
    const device = currentDevice(services.db)
    writeAudit(
      services.db,
      {
        operatorId: session?.operatorId ?? null,
        workstationId: device.workstationId,
        deviceId: device.deviceId,
        at: now.toISOString(),
      },
      { action: 'account.view', entity: 'account', entityId: card.id, accountId: card.id },
    )
    return card
  },

  'accounts.register': (input, { services, session }) =>
    executeCommand(services.db, registerAccount, input, {
      operatorId: session?.operatorId ?? null,
      now: services.clock(),
    }),
}
