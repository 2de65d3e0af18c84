import { accountMessages } from '../../src-shared/accounts/messages'
import { syncMessages } from '../../src-shared/sync/messages'
import { insertAccount } from '../accounts/insert-account'
import { reject, serverCommand } from './server-command'

/** account.register v1: the workstation's ids, the holder, the account and its services. */
export const accountRegister = serverCommand({
  name: 'account.register',
  checks: (args, ctx) => ({
    office: { table: 'offices', where: { id: args.officeId, branchId: ctx.branchId }, live: true },
    taken: { table: 'accounts', where: { number: args.number }, live: false },
    holder: {
      table: 'customers',
      where: { id: args.existingHolderId ?? '', branchId: ctx.branchId },
      live: true,
    },
  }),
  async apply(_tx, write, args, ctx, found) {
    if (!found.office) reject(syncMessages.officeNotFound)
    if (args.existingHolderId !== null) {
      if (!found.holder) reject(accountMessages.customerNotFound)
      if (args.customerId !== args.existingHolderId) reject(syncMessages.invalidArgs('Владелец'))
    }
    if (found.taken) reject(syncMessages.accountNumberTaken(args.number))
    await insertAccount(write, args, ctx.at)
    return { accountId: args.accountId }
  },
})
