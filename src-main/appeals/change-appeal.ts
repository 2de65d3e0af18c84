import { canMoveAppeal, type AppealStatus } from '../../src-shared/appeals/domain'
import type { ChangeAppealArgs } from '../../src-shared/appeals/schemas'
import { ApiFailure } from '../api/failure'
import type { CommandDef } from '../commands/command'
import { prepared } from '../db/prepared'

export const appealStatusWords: Record<AppealStatus, string> = {
  registered: 'зарегистрировано',
  in_work: 'в работе',
  answered: 'ответ дан',
  closed: 'закрыто',
}

/** appeal.change: in work, answered (the answer's text, date and how it was sent) or closed. */
export const changeAppeal: CommandDef<ChangeAppealArgs, null, 'appeal.change'> = {
  name: 'appeal.change',
  argsVersion: 1,
  apply(tx, args, ctx) {
    const a = prepared(
      tx.$client,
      'SELECT id, account_id AS accountId, number, status FROM appeals WHERE id = ?',
    ).get(args.appealId) as
      { id: string; accountId: string; number: string; status: AppealStatus } | undefined
    if (!a) throw new ApiFailure('not_found', 'Обращение не найдено.')
    if (!canMoveAppeal(a.status, args.status)) {
      throw ApiFailure.field(
        'status',
        `Состояние: обращение ${appealStatusWords[a.status]}, перевести в «${appealStatusWords[args.status]}» нельзя.`,
      )
    }
    prepared(
      tx.$client,
      `UPDATE appeals SET status = @status, answer_text = coalesce(@answerText, answer_text),
         answered_on = coalesce(@answeredOn, answered_on),
         answer_channel = coalesce(@answerChannel, answer_channel), updated_at = @at
       WHERE id = @id`,
    ).run({ ...args, id: a.id, at: ctx.at })
    return {
      result: null,
      audit: [
        {
          action: 'appeal.change',
          entity: 'appeal',
          entityId: a.id,
          accountId: a.accountId,
          details: { number: a.number, old: { status: a.status }, new: args },
        },
      ],
    }
  },
}
