import { sql } from 'drizzle-orm'
import { z } from 'zod'
import { registerAccountSchema } from '../../src-shared/accounts/schemas'
import { syncMessages } from '../../src-shared/sync/messages'
import { queryRow } from '../db/query'
import { officeInBranch } from './lookups'
import { recordedArgs, reject, serverCommand } from './server-command'

const ids = z.object({ accountId: z.string().min(1), customerId: z.string().min(1) })

/** account.register v1: the workstation's ids, the holder, the account and its services. */
export const accountRegister = serverCommand({
  name: 'account.register',
  argsVersion: 1,
  args: recordedArgs(registerAccountSchema, ids),
  async apply(tx, write, args, ctx) {
    if (!(await officeInBranch(tx, args.officeId, ctx.branchId)))
      reject(syncMessages.officeNotFound)
    const taken = await queryRow(tx, sql`SELECT 1 FROM accounts WHERE number = ${args.number}`)
    if (taken) reject(syncMessages.accountNumberTaken(args.number))
    await write.insert('customers', [
      { id: args.customerId, ...args.holder, createdAt: ctx.at, updatedAt: ctx.at },
    ])
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
        createdAt: ctx.at,
        updatedAt: ctx.at,
      },
    ])
    await write.insert(
      'account_services',
      args.services.map((s) => ({ accountId: args.accountId, ...s })),
    )
    return { accountId: args.accountId }
  },
})
