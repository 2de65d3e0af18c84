import { appealFlag } from '../../src-shared/appeals/domain'
import type { AppealRow } from '../../src-shared/appeals/contract'
import type { AttachmentRef } from '../../src-shared/appeals/schemas'
import type { Db } from '../db/connection'
import { prepared } from '../db/prepared'
import { readSetting } from '../settings/settings'

type Stored = Omit<AppealRow, 'flag' | 'attachments'>

const select = `SELECT p.id, p.account_id AS accountId, a.number AS accountNumber, p.number, p.topic,
       p.text, p.reply_channel AS replyChannel, p.reply_address AS replyAddress, p.status,
       p.registered_on AS registeredOn, p.due_on AS dueOn, p.answer_text AS answerText,
       p.answered_on AS answeredOn, p.answer_channel AS answerChannel
  FROM appeals p JOIN accounts a ON a.id = p.account_id`

function complete(db: Db, rows: Stored[], today: string): AppealRow[] {
  const soon = readSetting(db, 'appealDueSoonDays', today)
  const files = prepared(
    db.$client,
    'SELECT sha256, name, size, kind FROM appeal_attachments WHERE appeal_id = ? ORDER BY id',
  )
  return rows.map((r) => ({
    ...r,
    flag: appealFlag(r, today, soon),
    attachments: files.all(r.id) as AttachmentRef[],
  }))
}

/** An account's appeals, newest first, flagged as of today. */
export function appealsOfAccount(db: Db, accountId: string, today: string): AppealRow[] {
  const rows = prepared(
    db.$client,
    `${select} WHERE p.account_id = ? ORDER BY p.registered_at DESC`,
  ).all(accountId) as Stored[]
  return complete(db, rows, today)
}

/** The supervisor's list: unanswered appeals overdue or due soon, the most urgent first. */
export function overdueAppeals(db: Db, today: string): AppealRow[] {
  const rows = prepared(
    db.$client,
    `${select} WHERE p.status IN ('registered', 'in_work') ORDER BY p.due_on, p.number`,
  ).all() as Stored[]
  return complete(db, rows, today).filter((r) => r.flag !== null)
}
