import { eq } from 'drizzle-orm'
import { uuidv7 } from 'uuidv7'
import {
  registeredAccountColumns,
  type RegisterAccountArgs,
} from '../../src-shared/accounts/schemas'
import { accountNumberIssue } from '../../src-shared/accounts/number-format'
import { officeDate } from '../../src-shared/dates'
import { ApiFailure } from '../api/failure'
import { readSetting } from '../settings/settings'
import type { CommandDef } from '../commands/command'
import { accounts, accountServices, customers, offices } from '../db/schema'
import { indexAccount, nextSearchKey } from './search-index'

/** account.register: a new account with its holder, findable at once. */
export const registerAccount: CommandDef<
  RegisterAccountArgs,
  { accountId: string },
  'account.register'
> = {
  name: 'account.register',
  argsVersion: 1,
  apply(tx, args, ctx) {
    const office = tx.select().from(offices).where(eq(offices.id, args.officeId)).get()
    if (!office) {
      throw new ApiFailure('invalid_input', 'Офис: не найден.', { officeId: 'Офис: не найден.' })
    }
    const formatIssue = accountNumberIssue(
      args.number,
      readSetting(
        tx,
        'accountNumberFormat',
        officeDate(ctx.now, readSetting(tx, 'officeTimeZone', ctx.at.slice(0, 10))),
      ),
    )
    if (formatIssue) throw new ApiFailure('invalid_input', formatIssue, { number: formatIssue })
    if (
      tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.number, args.number)).get()
    ) {
      const message = `Номер лицевого счета: ${args.number} уже есть.`
      throw new ApiFailure('conflict', message, { number: message })
    }
    // A second account of a known customer links to them instead of making a duplicate.
    if (
      args.existingHolderId &&
      !tx
        .select({ id: customers.id })
        .from(customers)
        .where(eq(customers.id, args.existingHolderId))
        .get()
    ) {
      const message = 'Владелец: абонент не найден.'
      throw new ApiFailure('invalid_input', message, { existingHolderId: message })
    }
    const customerId = args.existingHolderId ?? uuidv7()
    const accountId = uuidv7()
    if (!args.existingHolderId) {
      tx.insert(customers)
        .values({ id: customerId, ...args.holder, createdAt: ctx.at, updatedAt: ctx.at })
        .run()
    }
    tx.insert(accounts)
      .values({
        id: accountId,
        ...registeredAccountColumns(args),
        branchId: office.branchId,
        officeId: office.id,
        holderId: customerId,
        createdAt: ctx.at,
        updatedAt: ctx.at,
        searchKey: nextSearchKey(tx),
      })
      .run()
    for (const s of args.services) {
      tx.insert(accountServices)
        .values({ accountId, service: s.service, supplierId: s.supplierId })
        .run()
    }
    indexAccount(tx, accountId)
    return {
      result: { accountId },
      // The server makes the same rows under the same ids.
      recorded: { ...args, accountId, customerId },
      audit: [
        {
          action: 'account.register',
          entity: 'account',
          entityId: accountId,
          accountId,
          details: { new: args },
        },
      ],
    }
  },
}
