import { and, eq, ne, sql } from 'drizzle-orm'
import {
  accountColumnChanges,
  changedFields,
  fieldChanges,
  type AccountFields,
} from '../../src-shared/accounts/changes'
import type { EditAccountArgs } from '../../src-shared/accounts/change-schemas'
import { accountMessages } from '../../src-shared/accounts/messages'
import { accountNumberIssue } from '../../src-shared/accounts/number-format'
import { livingAreaIssue } from '../../src-shared/accounts/schemas'
import { officeDate } from '../../src-shared/dates'
import { ApiFailure } from '../api/failure'
import type { CommandDef } from '../commands/command'
import type { Db } from '../db/connection'
import { accounts, accountServices, customers, offices } from '../db/schema'
import { readSetting } from '../settings/settings'
import { storedAccount, type StoredAccount } from './account-fields'
import { lastAccountChange } from './last-change'
import { indexAccount } from './search-index'

function invalid(field: string, message: string): never {
  throw new ApiFailure('invalid_input', message, { [field]: message })
}

/** The version the clerk saw must still be the account's: otherwise say who changed it, when. */
export function assertVersion(db: Db, stored: StoredAccount, expected: number): void {
  if (stored.version === expected) return
  const { who, when } = lastAccountChange(db, stored.accountId, stored.updatedAt)
  throw new ApiFailure('conflict', accountMessages.versionConflict(who, when))
}

/** Number format (company setting) and uniqueness, office of the same branch. */
export function checkAccountFields(
  db: Db,
  fields: Partial<AccountFields>,
  today: string,
  branchId: string | null,
  accountId: string | null,
): void {
  if (fields.number !== undefined) {
    const issue = accountNumberIssue(fields.number, readSetting(db, 'accountNumberFormat', today))
    if (issue) invalid('number', issue)
    const taken = db
      .select({ id: accounts.id })
      .from(accounts)
      .where(
        accountId
          ? and(eq(accounts.number, fields.number), ne(accounts.id, accountId))
          : eq(accounts.number, fields.number),
      )
      .get()
    if (taken) invalid('number', `Номер лицевого счета: ${fields.number} уже есть.`)
  }
  if (fields.officeId !== undefined) {
    const office = db.select().from(offices).where(eq(offices.id, fields.officeId)).get()
    if (!office || (branchId !== null && office.branchId !== branchId))
      invalid('officeId', 'Офис: не найден.')
  }
}

/**
 * account.edit: the changed fields of an account and its holder, refused when the account moved
 * past the version the clerk saw (no silent overwrite of another clerk's edit). Writes old and new
 * value per field to the audit log, bumps the version and re-indexes the search.
 */
export const editAccount: CommandDef<EditAccountArgs, { version: number }, 'account.edit'> = {
  name: 'account.edit',
  argsVersion: 1,
  apply(tx, args, ctx) {
    const stored = storedAccount(tx, args.accountId)
    assertVersion(tx, stored, args.expectedVersion)
    if (stored.status === 'closed') throw new ApiFailure('conflict', accountMessages.closed)
    const changes = changedFields(stored.fields, args.changes)
    const diff = fieldChanges(stored.fields, changes)
    if (diff.length === 0) throw new ApiFailure('invalid_input', accountMessages.nothingChanged)
    const merged = { ...stored.fields, ...changes }
    const areaIssue = livingAreaIssue(merged.totalArea, merged.livingArea)
    if (areaIssue) invalid('livingArea', `Жилая площадь: ${areaIssue}`)
    const today = officeDate(ctx.now, readSetting(tx, 'officeTimeZone', ctx.at.slice(0, 10)))
    checkAccountFields(tx, changes, today, stored.branchId, stored.accountId)

    if (changes.holder) {
      tx.update(customers)
        .set({ ...changes.holder, version: sql`${customers.version} + 1`, updatedAt: ctx.at })
        .where(eq(customers.id, stored.holderId))
        .run()
    }
    const version = stored.version + 1
    tx.update(accounts)
      .set({
        ...accountColumnChanges(changes),
        version,
        updatedAt: ctx.at,
      })
      .where(eq(accounts.id, stored.accountId))
      .run()
    if (changes.services) {
      tx.delete(accountServices).where(eq(accountServices.accountId, stored.accountId)).run()
      for (const s of changes.services) {
        tx.insert(accountServices)
          .values({ accountId: stored.accountId, ...s })
          .run()
      }
    }
    indexAccount(tx, stored.accountId)
    const before = Object.fromEntries(
      Object.keys(changes).map((k) => [k, stored.fields[k as keyof AccountFields]]),
    )
    return {
      result: { version },
      // Only what changed, with the old values: the server's command record keeps both.
      recorded: {
        accountId: stored.accountId,
        expectedVersion: args.expectedVersion,
        changes,
        before,
      },
      audit: [
        {
          action: 'account.edit',
          entity: 'account',
          entityId: stored.accountId,
          accountId: stored.accountId,
          details: { version: { old: stored.version, new: version }, changes: diff },
        },
      ],
    }
  },
}
