import { uuidv7 } from 'uuidv7'
import { ApiFailure } from '../api/failure'
import type { CommandDef } from '../commands/command'
import { readingDeletions } from '../db/schema'

export interface DeleteReadingArgs {
  readingId: string
  reason: string
  /** Supervisors may delete what others entered. */
  bySupervisor: boolean
}

/** reading.delete: a reading not yet billed is withdrawn by a recorded fact; the row stays. */
export const deleteReading: CommandDef<DeleteReadingArgs, null, 'reading.delete'> = {
  name: 'reading.delete',
  argsVersion: 1,
  apply(tx, args, ctx) {
    const reading = tx.$client
      .prepare(
        `SELECT r.id, r.account_id AS accountId, r.status, r.operator_id AS operatorId, r.raw_value AS raw,
                EXISTS (SELECT 1 FROM reading_deletions d WHERE d.reading_id = r.id) AS deleted
           FROM readings r WHERE r.id = ?`,
      )
      .get(args.readingId) as
      | {
          id: string
          accountId: string
          status: string
          operatorId: string | null
          raw: string
          deleted: number
        }
      | undefined
    if (!reading) throw new ApiFailure('not_found', 'Показание не найдено.')
    if (reading.deleted) throw new ApiFailure('conflict', 'Показание уже удалено.')
    if (reading.status === 'billed') {
      throw new ApiFailure(
        'conflict',
        'Показание уже учтено в начислении: удалить его нельзя, нужен перерасчет.',
      )
    }
    if (!args.bySupervisor && reading.operatorId !== ctx.operatorId) {
      throw new ApiFailure(
        'forbidden',
        'Удалить можно только свое показание; чужое удаляет старший смены.',
      )
    }
    const deletionId = uuidv7()
    tx.insert(readingDeletions)
      .values({
        id: deletionId,
        readingId: reading.id,
        reason: args.reason,
        operatorId: ctx.operatorId,
        withdrawnAt: ctx.at,
      })
      .run()
    return {
      result: null,
      recorded: { readingId: reading.id, reason: args.reason, deletionId },
      audit: [
        {
          action: 'reading.delete',
          entity: 'reading',
          entityId: reading.id,
          accountId: reading.accountId,
          details: { value: reading.raw, reason: args.reason },
        },
      ],
    }
  },
}
