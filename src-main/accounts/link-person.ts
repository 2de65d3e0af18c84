import { and, eq } from 'drizzle-orm'
import { uuidv7 } from 'uuidv7'
import type { LinkPersonArgs, UnlinkPersonArgs } from '../../src-shared/accounts/change-schemas'
import { formatFullName } from '../../src-shared/accounts/domain'
import { accountMessages } from '../../src-shared/accounts/messages'
import { ApiFailure } from '../api/failure'
import type { CommandDef } from '../commands/command'
import { accountPersons, customers } from '../db/schema'
import { storedAccount } from './account-fields'
import { indexAccount } from './search-index'

/**
 * account.linkPerson: a known customer or a new person, linked to the account with a relation.
 * The person becomes findable by the account's search.
 */
export const linkPerson: CommandDef<
  LinkPersonArgs,
  { linkId: string; customerId: string },
  'account.linkPerson'
> = {
  name: 'account.linkPerson',
  argsVersion: 1,
  apply(tx, args, ctx) {
    const stored = storedAccount(tx, args.accountId)
    if (stored.status === 'closed') throw new ApiFailure('conflict', accountMessages.closed)
    let customerId = args.customerId
    let person: { lastName: string; firstName: string; middleName: string | null }
    if (customerId) {
      const known = tx.select().from(customers).where(eq(customers.id, customerId)).get()
      if (!known) throw new ApiFailure('not_found', accountMessages.customerNotFound)
      person = known
    } else if (args.person) {
      customerId = uuidv7()
      tx.insert(customers)
        .values({ id: customerId, ...args.person, createdAt: ctx.at, updatedAt: ctx.at })
        .run()
      person = args.person
    } else {
      throw new ApiFailure('invalid_input', accountMessages.personMissing, {
        'person.lastName': accountMessages.personMissing,
      })
    }
    if (customerId === stored.holderId)
      throw new ApiFailure('conflict', accountMessages.personIsHolder)
    const linked = tx
      .select({ id: accountPersons.id })
      .from(accountPersons)
      .where(
        and(
          eq(accountPersons.accountId, args.accountId),
          eq(accountPersons.customerId, customerId),
        ),
      )
      .get()
    if (linked) throw new ApiFailure('conflict', accountMessages.personAlreadyLinked)
    const linkId = uuidv7()
    tx.insert(accountPersons)
      .values({
        id: linkId,
        accountId: args.accountId,
        customerId,
        relation: args.relation,
        since: args.since,
      })
      .run()
    indexAccount(tx, args.accountId)
    return {
      result: { linkId, customerId },
      recorded: { ...args, linkId, customerId, person: args.customerId ? null : args.person },
      audit: [
        {
          action: 'account.linkPerson',
          entity: 'account_person',
          entityId: linkId,
          accountId: args.accountId,
          details: {
            new: { customerId, fullName: formatFullName(person), relation: args.relation },
          },
        },
      ],
    }
  },
}

/** account.unlinkPerson: the link goes; the person stays a customer (other accounts, history). */
export const unlinkPerson: CommandDef<UnlinkPersonArgs, null, 'account.unlinkPerson'> = {
  name: 'account.unlinkPerson',
  argsVersion: 1,
  apply(tx, args) {
    const stored = storedAccount(tx, args.accountId)
    if (stored.status === 'closed') throw new ApiFailure('conflict', accountMessages.closed)
    const link = tx
      .select({
        id: accountPersons.id,
        customerId: accountPersons.customerId,
        relation: accountPersons.relation,
        lastName: customers.lastName,
        firstName: customers.firstName,
        middleName: customers.middleName,
      })
      .from(accountPersons)
      .innerJoin(customers, eq(customers.id, accountPersons.customerId))
      .where(and(eq(accountPersons.id, args.linkId), eq(accountPersons.accountId, args.accountId)))
      .get()
    if (!link) throw new ApiFailure('not_found', accountMessages.linkNotFound)
    tx.delete(accountPersons).where(eq(accountPersons.id, link.id)).run()
    indexAccount(tx, args.accountId)
    return {
      result: null,
      audit: [
        {
          action: 'account.unlinkPerson',
          entity: 'account_person',
          entityId: link.id,
          accountId: args.accountId,
          details: {
            old: {
              customerId: link.customerId,
              fullName: formatFullName(link),
              relation: link.relation,
            },
          },
        },
      ],
    }
  },
}
