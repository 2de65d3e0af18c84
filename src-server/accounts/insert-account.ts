import type { RegisterAccountArgs } from '../../src-shared/accounts/schemas'
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
      number: args.number,
      els: args.els,
      officeId: args.officeId,
      holderId: args.customerId,
      holderRelation: args.relation,
      ...args.address,
      totalArea: args.totalArea,
      livingArea: args.livingArea,
      rooms: args.rooms ?? null,
      residents: args.residents,
      tariffGroup: args.tariffGroup,
      notes: args.notes,
      createdAt: at,
      updatedAt: at,
    },
  ])
  await write.insert(
    'account_services',
    args.services.map((s) => ({ accountId: args.accountId, ...s })),
  )
}
