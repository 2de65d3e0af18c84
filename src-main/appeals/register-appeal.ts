import { uuidv7 } from 'uuidv7'
import { appealDueOn } from '../../src-shared/appeals/domain'
import type { RegisterAppealArgs } from '../../src-shared/appeals/schemas'
import { attachmentMessages } from '../../src-shared/attachments/content'
import { officeDate } from '../../src-shared/dates'
import { storedAccount } from '../accounts/account-fields'
import { ApiFailure } from '../api/failure'
import type { CommandDef } from '../commands/command'
import { prepared } from '../db/prepared'
import { nextNumber } from '../service-requests/request-number'
import { readSetting } from '../settings/settings'

export interface RegisteredAppeal {
  appealId: string
  number: string
  registeredOn: string
  dueOn: string
}

/**
 * appeal.register: numbered and dated today, the answer due `appealAnswerDays` later; its files
 * must already be kept beside the replica (appeals.attach), checked there by their content.
 */
export const registerAppeal: CommandDef<RegisterAppealArgs, RegisteredAppeal, 'appeal.register'> = {
  name: 'appeal.register',
  argsVersion: 1,
  apply(tx, args, ctx) {
    storedAccount(tx, args.accountId)
    const sqlite = tx.$client
    const seen = new Set<string>()
    for (const a of args.attachments) {
      const kept = prepared(
        sqlite,
        'SELECT kind, size FROM local_attachments WHERE sha256 = ?',
      ).get(a.sha256) as { kind: string; size: number } | undefined
      if (!kept || kept.kind !== a.kind || kept.size !== a.size)
        throw ApiFailure.field('attachments', `Файл «${a.name}»: ${attachmentMessages.notFound}`)
      if (seen.has(a.sha256))
        throw ApiFailure.field('attachments', `Файл «${a.name}» прикреплен дважды.`)
      seen.add(a.sha256)
    }
    const date = ctx.at.slice(0, 10)
    const registeredOn = officeDate(ctx.now, readSetting(tx, 'officeTimeZone', date))
    const dueOn = appealDueOn(registeredOn, readSetting(tx, 'appealAnswerDays', registeredOn))
    const appealId = uuidv7()
    const number = nextNumber(tx, 'appeals', 'О')
    prepared(
      sqlite,
      `INSERT INTO appeals (id, account_id, number, topic, text, reply_channel, reply_address,
           status, registered_at, registered_on, due_on, operator_id, updated_at)
         VALUES (@id, @accountId, @number, @topic, @text, @replyChannel, @replyAddress,
           'registered', @at, @registeredOn, @dueOn, @operatorId, @at)`,
    ).run({
      ...args,
      id: appealId,
      number,
      at: ctx.at,
      registeredOn,
      dueOn,
      operatorId: ctx.operatorId,
    })
    const attachmentIds: string[] = []
    for (const a of args.attachments) {
      const id = uuidv7()
      attachmentIds.push(id)
      prepared(
        sqlite,
        `INSERT INTO appeal_attachments (id, appeal_id, sha256, name, size, kind)
           VALUES (?, ?, ?, ?, ?, ?)`,
      ).run(id, appealId, a.sha256, a.name, a.size, a.kind)
    }
    return {
      result: { appealId, number, registeredOn, dueOn },
      recorded: { ...args, appealId, number, attachmentIds },
      audit: [
        {
          action: 'appeal.register',
          entity: 'appeal',
          entityId: appealId,
          accountId: args.accountId,
          details: {
            new: { number, topic: args.topic, replyChannel: args.replyChannel, dueOn },
            files: args.attachments.map((a) => a.name),
          },
        },
      ],
    }
  },
}
