import { sql } from 'drizzle-orm'
import { accountMessages } from '../../src-shared/accounts/messages'
import { syncMessages } from '../../src-shared/sync/messages'
import { insertAccount } from '../accounts/insert-account'
import { exist, officeOfBranch } from './lookups'
import { reject, serverCommand } from './server-command'

/** account.register v1: the workstation's ids, the holder, the account and its services. */
export const accountRegister = serverCommand({
  name: 'account.register',
  async apply(tx, write, args, ctx) {
    const found = await exist(tx, {
      office: officeOfBranch(args.officeId, ctx.branchId),
      taken: sql`SELECT 1 FROM accounts WHERE number = ${args.number}`,
      holder: sql`SELECT 1 FROM customers WHERE id = ${args.existingHolderId ?? ''}
                    AND branch_id = ${ctx.branchId} AND deleted_at IS NULL`,
    })
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
