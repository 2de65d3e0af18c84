import { sql } from 'drizzle-orm'
import { accountColumnChanges } from '../../src-shared/accounts/changes'
import { accountMessages } from '../../src-shared/accounts/messages'
import { accountNumberIssue } from '../../src-shared/accounts/number-format'
import { livingAreaIssue } from '../../src-shared/accounts/schemas'
import { syncMessages } from '../../src-shared/sync/messages'
import { assertServerVersion, lockAccount, replaceAccountServices } from '../accounts/account-rows'
import { queryRow } from '../db/query'
import { settingsOn } from '../settings/settings'
import { exist, officeOfBranch } from './lookups'
import { reject, serverCommand } from './server-command'

/**
 * account.edit v1: the changed fields of an account and its holder.
 *
 * Two edits of the same account: each carries the version its clerk saw (`expectedVersion`).
 * The server locks the account row, compares that version with its own and bumps it when it
 * applies the edit. So of two edits made on the same version (two workstations, offline or
 * not), the first pushed is applied and the second is rejected with the conflict reason naming
 * who changed the account and when; it is never merged silently. Both stay on record: the
 * applied one and the rejected one (with its reason) in applied_commands, each with the old
 * (`before`) and new values the workstation recorded, and each in its workstation's audit log.
 * The rejected workstation pulls the server's row and shows the rejection on the Sync screen.
 */
export const accountEdit = serverCommand({
  name: 'account.edit',
  async apply(tx, write, args, ctx) {
    const account = await lockAccount(tx, args.accountId, ctx.branchId)
    await assertServerVersion(tx, account, args.expectedVersion)
    if (account.status === 'closed') reject(accountMessages.closed)
    const c = args.changes
    const settings = await settingsOn(tx, ctx.at.slice(0, 10))
    if (c.number !== undefined) {
      const issue = accountNumberIssue(c.number, settings('accountNumberFormat'))
      if (issue) reject(syncMessages.invalidArgs(issue))
      const taken = await queryRow(
        tx,
        sql`SELECT 1 FROM accounts WHERE number = ${c.number} AND id <> ${account.id}`,
      )
      if (taken) reject(syncMessages.accountNumberTaken(c.number))
    }
    if (
      c.officeId !== undefined &&
      !(await exist(tx, { office: officeOfBranch(c.officeId, ctx.branchId) })).office
    )
      reject(syncMessages.officeNotFound)
    const areas = await queryRow<{ totalArea: string | null; livingArea: string | null }>(
      tx,
      sql`SELECT total_area AS "totalArea", living_area AS "livingArea" FROM accounts WHERE id = ${account.id}`,
    )
    const areaIssue = livingAreaIssue(
      c.totalArea !== undefined ? c.totalArea : areas?.totalArea,
      c.livingArea !== undefined ? c.livingArea : areas?.livingArea,
    )
    if (areaIssue) reject(syncMessages.invalidArgs(`Жилая площадь: ${areaIssue}`))

    if (c.holder) {
      await write.update('customers', account.holderId, {
        ...c.holder,
        version: sql`version + 1`,
        updatedAt: ctx.at,
      })
    }
    if (c.services) await replaceAccountServices(write, account.id, c.services, ctx.at)
    const version = account.version + 1
    // Last: the account's new sync version is the command's, so a pull past it shows all of it.
    await write.update('accounts', account.id, {
      ...accountColumnChanges(c),
      version,
      updatedAt: ctx.at,
    })
    return { version }
  },
})
