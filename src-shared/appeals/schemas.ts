import { z } from 'zod'
import { officeDateSchema } from '../accounts/change-schemas'
import { labelled } from '../api/validation'
import { attachmentKinds, attachmentLimits, sha256Pattern } from '../attachments/content'
import { appealStatuses, appealTopics, replyChannels } from './domain'

/** An attachment as the appeal's command carries it: the file itself travels by its hash. */
export const attachmentRef = z.object({
  sha256: z.string().regex(sha256Pattern, 'контрольная сумма SHA-256'),
  name: z.string().trim().min(1).max(255),
  size: z.number().int().min(1).max(attachmentLimits.maxBytes),
  kind: z.enum(attachmentKinds),
})
export type AttachmentRef = z.output<typeof attachmentRef>

/**
 * appeal: registered with its text, the reply channel and where to send the answer (a phone, an
 * e-mail or a postal address), and up to 5 attachments already stored beside the replica.
 */
export const registerAppealSchema = z.object({
  accountId: labelled('Лицевой счет', z.string().min(1, 'не выбран')),
  topic: labelled('Тема', z.enum(appealTopics, 'не выбрана')),
  text: labelled(
    'Текст обращения',
    z.string().trim().min(1, 'не заполнено').max(10_000, 'не длиннее 10000 символов'),
  ),
  replyChannel: labelled('Способ ответа', z.enum(replyChannels, 'не выбран')),
  replyAddress: labelled(
    'Адрес для ответа',
    z.string().trim().min(1, 'не заполнено').max(500, 'не длиннее 500 символов'),
  ),
  attachments: labelled(
    'Вложения',
    z
      .array(attachmentRef)
      .max(attachmentLimits.maxFiles, `не больше ${attachmentLimits.maxFiles} файлов`)
      .default([]),
  ),
})
export type RegisterAppealInput = z.input<typeof registerAppealSchema>
export type RegisterAppealArgs = z.output<typeof registerAppealSchema>

export const changeAppealSchema = z
  .object({
    appealId: labelled('Обращение', z.string().min(1).max(64)),
    status: labelled('Состояние', z.enum(appealStatuses, 'не выбрано')),
    answerText: labelled(
      'Текст ответа',
      z.string().trim().max(10_000, 'не длиннее 10000 символов').nullable().default(null),
    ),
    answeredOn: officeDateSchema('Дата ответа').nullable().default(null),
    answerChannel: labelled('Как отправлен ответ', z.enum(replyChannels).nullable().default(null)),
  })
  .superRefine((v, ctx) => {
    if (v.status === 'registered')
      ctx.addIssue({
        code: 'custom',
        path: ['status'],
        message: 'нельзя вернуть в «Зарегистрировано»',
      })
    if (v.status === 'answered') {
      for (const key of ['answerText', 'answeredOn', 'answerChannel'] as const)
        if (!v[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'не заполнено' })
    }
  })
export type ChangeAppealArgs = z.output<typeof changeAppealSchema>
