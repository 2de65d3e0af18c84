import {
  registeredAccountColumns,
  type RegisterAccountArgs,
} from '../../src-shared/accounts/schemas'
import type { SyncedWriter } from '../sync/synced-write'

/** The rows of a new account: its holder, the account and its services (command or import). */
export async function insertAccount(
  write: SyncedWriter,
  args: RegisterAccountArgs & { accountId: string; customerId: string },
  at: string,
): Promise<void> {
  // A known customer's second account: their row is already there.
  if (!args.existingHolderId) {
    await write.insert('customers', [
      { id: args.customerId, ...args.holder, createdAt: at, updatedAt: at },
    ])
  }
  await write.insert('accounts', [
    {
      id: args.accountId,
      ...registeredAccountColumns(args),
      officeId: args.officeId,
      holderId: args.customerId,
      createdAt: at,
      updatedAt: at,
    },
  ])
  await write.insert(
    'account_services',
    args.services.map((s) => ({ accountId: args.accountId, ...s })),
  )
}
