import { officeDate } from '../../src-shared/dates'
import { workstationActor, writeAudit } from '../audit/audit-log'
import type { DomainHandlers } from '../api/dispatch'
import { executeCommand } from '../commands/command'
import { officeToday, runCommand } from '../api/context'
import { storedAccount } from './account-fields'
import { accountCard } from './card'
import { closeAccount } from './close-account'
import { findCustomers } from './customer-matches'
import { findDuplicates } from './duplicates'
import { editAccount } from './edit-account'
import { accountFormOptions } from './form-options'
import { linkPerson, unlinkPerson } from './link-person'
import { recordConsent } from './record-consent'
import { registerAccount } from './register-account'
import { searchAccounts } from './search'

export const accountHandlers: DomainHandlers<'accounts'> = {
  'accounts.search': (input, { services }) => searchAccounts(services.db, input.query, input.limit),

  'accounts.card': (input, { services, session }) => {
    const now = services.clock()
    const card = accountCard(services.db, input.accountId, officeDate(now, services.timeZone))
    // Personal data law: every view of a customer card is in the audit log.
    writeAudit(services.db, workstationActor(services.db, session?.operatorId ?? null, now), {
      action: 'account.view',
      entity: 'account',
      entityId: card.id,
      accountId: card.id,
    })
    return card
  },

  'accounts.register': (input, { services, session }) =>
    executeCommand(services.db, registerAccount, input, {
      operatorId: session?.operatorId ?? null,
      now: services.clock(),
    }),

  'accounts.formOptions': (_input, ctx) => accountFormOptions(ctx.services.db, officeToday(ctx)),

  'accounts.form': (input, { services }) => {
    const stored = storedAccount(services.db, input.accountId)
    return {
      accountId: stored.accountId,
      version: stored.version,
      status: stored.status,
      fields: stored.fields,
    }
  },

  'accounts.duplicates': (input, { services }) => findDuplicates(services.db, input),
  'accounts.customers': (input, { services }) => findCustomers(services.db, input.query),

  'accounts.edit': (input, ctx) => runCommand(ctx, editAccount, input),

  'accounts.linkPerson': (input, ctx) => runCommand(ctx, linkPerson, input),

  'accounts.unlinkPerson': (input, ctx) => runCommand(ctx, unlinkPerson, input),

  'accounts.recordConsent': (input, ctx) => runCommand(ctx, recordConsent, input),

  'accounts.close': (input, ctx) => runCommand(ctx, closeAccount, input),
}
