import { sql } from 'drizzle-orm'
import { appealDueOn, canMoveAppeal, type AppealStatus } from '../../src-shared/appeals/domain'
import { requestMessages } from '../../src-shared/service-requests/messages'
import { syncMessages } from '../../src-shared/sync/messages'
import { queryRow, queryRows } from '../db/query'
import { settingsOn } from '../settings/settings'
import { accountInBranch } from './lookups'
import { reject, serverCommand } from './server-command'
import { commandDate, requireOwnNumber } from './service-requests'

/**
 * appeal.register v1: its files must have arrived whole (by hash, same size and kind) before the
 * appeal is taken; until then the push stops here and goes on once the sync uploaded them.
 */
export const appealRegister = serverCommand({
  name: 'appeal.register',
  async apply(tx, write, args, ctx) {
    if (!(await accountInBranch(tx, args.accountId, ctx.branchId)))
      reject(syncMessages.accountNotFound)
    await requireOwnNumber(tx, ctx, 'О', args.number)
    if (args.attachmentIds.length !== args.attachments.length) reject(requestMessages.attachmentIds)
    const held =
      args.attachments.length === 0
        ? []
        : await queryRows<{ sha256: string; kind: string; size: number }>(
            tx,
            sql`SELECT sha256, kind, size FROM attachment_files
                 WHERE branch_id = ${ctx.branchId}
                   AND sha256 IN (${sql.join(
                     args.attachments.map((a) => sql`${a.sha256}`),
                     sql`, `,
                   )})`,
          )
    const bySha = new Map(held.map((h) => [h.sha256, h]))
    for (const a of args.attachments) {
      const file = bySha.get(a.sha256)
      // Not a rejection: the file is on its way (a connection dropped mid-upload).
      if (!file) throw new Error(requestMessages.attachmentMissing(a.name))
      if (file.kind !== a.kind || Number(file.size) !== a.size)
        reject(requestMessages.attachmentMismatch(a.name))
    }
    const registeredOn = await commandDate(tx, ctx.at)
    const answerDays = (await settingsOn(tx, registeredOn))('appealAnswerDays')
    await write.insert('appeals', [
      {
        id: args.appealId,
        accountId: args.accountId,
        number: args.number,
        topic: args.topic,
        text: args.text,
        replyChannel: args.replyChannel,
        replyAddress: args.replyAddress,
        status: 'registered',
        registeredAt: ctx.at,
        registeredOn,
        dueOn: appealDueOn(registeredOn, answerDays),
        operatorId: ctx.operatorId,
        updatedAt: ctx.at,
      },
    ])
    await write.insert(
      'appeal_attachments',
      args.attachments.map((a, i) => ({
        id: args.attachmentIds[i],
        appealId: args.appealId,
        sha256: a.sha256,
        name: a.name,
        size: a.size,
        kind: a.kind,
      })),
    )
    return { appealId: args.appealId }
  },
})

/** appeal.change v1: a move the status rules allow, from what the server holds. */
export const appealChange = serverCommand({
  name: 'appeal.change',
  async apply(tx, write, args, ctx) {
    const a = await queryRow<{ status: AppealStatus }>(
      tx,
      sql`SELECT status FROM appeals WHERE id = ${args.appealId} AND branch_id = ${ctx.branchId}
            AND deleted_at IS NULL`,
    )
    if (!a) reject(requestMessages.appealNotFound)
    if (!canMoveAppeal(a.status, args.status)) reject(requestMessages.appealCannotMove)
    const set: Record<string, unknown> = { status: args.status, updatedAt: ctx.at }
    if (args.answerText) set.answerText = args.answerText
    if (args.answeredOn) set.answeredOn = args.answeredOn
    if (args.answerChannel) set.answerChannel = args.answerChannel
    await write.update('appeals', args.appealId, set)
    return null
  },
})
