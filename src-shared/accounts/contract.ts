import { z } from 'zod'
import { channel } from '../api/channel'
import { labelled } from '../api/validation'
import { anyOperator } from '../operators/roles'
import { registerAccountSchema } from './schemas'
import type { AccountCard, AccountSearchResult } from './types'

export const accountChannels = {
  'accounts.search': channel<AccountSearchResult>()({
    input: z.object({
      query: labelled('Поиск', z.string().max(200, 'не длиннее 200 символов')),
      limit: z.number().int().min(1).max(200).default(50),
    }),
    roles: anyOperator,
  }),
  'accounts.card': channel<AccountCard>()({
    input: z.object({ accountId: labelled('Лицевой счет', z.string().min(1)) }),
    roles: anyOperator,
  }),
  'accounts.register': channel<{ accountId: string }>()({
    input: registerAccountSchema,
    roles: ['clerk', 'supervisor', 'admin'],
  }),
}
