import { z } from 'zod'
import { channel } from '../api/channel'
import type { PrintedDocument } from '../payments/contract'
import { labelled } from '../api/validation'
import { attachmentLimits, sha256Pattern, type AttachmentKind } from '../attachments/content'
import type { Role } from '../operators/roles'
import type { AppealFlag, AppealStatus, AppealTopic, ReplyChannel } from './domain'
import { changeAppealSchema, registerAppealSchema, type AttachmentRef } from './schemas'

const editors: readonly Role[] = ['clerk', 'supervisor', 'admin']
const supervisors: readonly Role[] = ['supervisor', 'admin']

export interface AppealRow {
  id: string
  accountId: string
  accountNumber: string
  number: string
  topic: AppealTopic
  text: string
  replyChannel: ReplyChannel
  replyAddress: string
  status: AppealStatus
  registeredOn: string
  dueOn: string
  flag: AppealFlag | null
  answerText: string | null
  answeredOn: string | null
  answerChannel: ReplyChannel | null
  attachments: AttachmentRef[]
}

export interface OpenedAttachment {
  sha256: string
  kind: AttachmentKind
  /** The file's bytes, base64 (the channels carry JSON). */
  content: string
}

// A bound on the channel only, above the largest file's base64 (4 bytes for every 3), so a file a
// little over the limit reaches the check that names it.
const maxBase64 = attachmentLimits.maxBytes * 1.5

export const appealChannels = {
  'appeals.list': channel<AppealRow[]>()({
    input: z.object({ accountId: labelled('Лицевой счет', z.string().min(1)) }),
    roles: editors,
  }),
  /** Keeps one chosen file beside the replica (checked by content) and names it by its hash. */
  'appeals.attach': channel<AttachmentRef>()({
    input: z.object({
      name: labelled('Файл', z.string().trim().min(1).max(255)),
      content: labelled(
        'Файл',
        z.base64().max(maxBase64, `больше ${attachmentLimits.maxBytes / 1024 / 1024} МБ`),
      ),
    }),
    roles: editors,
  }),
  'appeals.register': channel<{
    appealId: string
    number: string
    registeredOn: string
    dueOn: string
  }>()({ input: registerAppealSchema, roles: editors }),
  'appeals.change': channel<null>()({ input: changeAppealSchema, roles: editors }),
  /** A file of an appeal: this workstation's copy, else fetched from the server once. */
  'appeals.openAttachment': channel<OpenedAttachment>()({
    input: z.object({ sha256: z.string().regex(sha256Pattern) }),
    roles: editors,
  }),
  /** The acknowledgement for the customer (number, date, due date), to the document printer. */
  'appeals.printAcknowledgement': channel<PrintedDocument>()({
    input: z.object({ appealId: z.string().min(1) }),
    roles: editors,
  }),
  /** The supervisor's list: unanswered appeals overdue or due within the warning days. */
  'appeals.overdue': channel<AppealRow[]>()({ input: z.object({}), roles: supervisors }),
}
