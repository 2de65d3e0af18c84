import { sql } from 'drizzle-orm'
import { syncMessages } from '../../src-shared/sync/messages'
import { queryRow } from '../db/query'
import { reject, serverCommand } from './server-command'

/** reading.delete v1: the deletion fact for a reading of the branch; the reading row stays. */
export const readingDelete = serverCommand({
  name: 'reading.delete',
  async apply(tx, write, args, ctx) {
    const reading = await queryRow<{ deleted: boolean }>(
      tx,
      sql`SELECT EXISTS (SELECT 1 FROM reading_deletions d WHERE d.reading_id = r.id) AS deleted
            FROM readings r WHERE r.id = ${args.readingId} AND r.branch_id = ${ctx.branchId}`,
    )
    if (!reading) reject(syncMessages.readingNotFound)
    if (reading.deleted) reject(syncMessages.readingAlreadyDeleted)
    await write.insert('reading_deletions', [
      {
        id: args.deletionId,
        readingId: args.readingId,
        reason: args.reason,
        operatorId: ctx.operatorId,
        withdrawnAt: ctx.at,
      },
    ])
    return null
  },
})
