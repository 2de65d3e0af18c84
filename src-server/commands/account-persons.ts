import { sql } from 'drizzle-orm'
import { accountMessages } from '../../src-shared/accounts/messages'
import { lockAccount } from '../accounts/account-rows'
import { queryRow } from '../db/query'
import { reject, serverCommand } from './server-command'

/** account.linkPerson v1: the link (and the new person, if typed in) under the workstation's ids. */
export const accountLinkPerson = serverCommand({
  name: 'account.linkPerson',
  async apply(tx, write, args, ctx) {
    const account = await lockAccount(tx, args.accountId, ctx.branchId)
    if (account.status === 'closed') reject(accountMessages.closed)
    if (args.person) {
      await write.insert('customers', [
        { id: args.customerId, ...args.person, createdAt: ctx.at, updatedAt: ctx.at },
      ])
    } else {
      const known = await queryRow(
        tx,
        sql`SELECT 1 FROM customers WHERE id = ${args.customerId} AND branch_id = ${ctx.branchId}
              AND deleted_at IS NULL`,
      )
      if (!known) reject(accountMessages.customerNotFound)
    }
    if (args.customerId === account.holderId) reject(accountMessages.personIsHolder)
    const linked = await queryRow(
      tx,
      sql`SELECT 1 FROM account_persons WHERE account_id = ${account.id}
            AND customer_id = ${args.customerId} AND deleted_at IS NULL`,
    )
    if (linked) reject(accountMessages.personAlreadyLinked)
    await write.insert('account_persons', [
      {
        id: args.linkId,
        accountId: account.id,
        customerId: args.customerId,
        relation: args.relation,
        since: args.since,
      },
    ])
    return { linkId: args.linkId }
  },
})

/** account.unlinkPerson v1: the link becomes a tombstone; the person stays. */
export const accountUnlinkPerson = serverCommand({
  name: 'account.unlinkPerson',
  async apply(tx, write, args, ctx) {
    await lockAccount(tx, args.accountId, ctx.branchId)
    const link = await queryRow(
      tx,
      sql`SELECT 1 FROM account_persons WHERE id = ${args.linkId} AND account_id = ${args.accountId}
            AND deleted_at IS NULL`,
    )
    if (!link) reject(accountMessages.linkNotFound)
    await write.update('account_persons', args.linkId, { deletedAt: ctx.at })
    return null
  },
})
