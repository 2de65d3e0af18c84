import { z } from 'zod'
import { channel } from '../api/channel'
import { labelled } from '../api/validation'
import { anyOperator } from '../operators/roles'
import {
  closeAccountSchema,
  duplicatesQuerySchema,
  editAccountSchema,
  linkPersonSchema,
  recordConsentSchema,
  unlinkPersonSchema,
} from './change-schemas'
import { registerAccountSchema } from './schemas'
import type {
  AccountCard,
  AccountForm,
  AccountFormOptions,
  AccountSearchResult,
  CustomerMatch,
  DuplicateCandidate,
} from './types'

/** Who may change accounts: not the cashier. */
const accountEditors = ['clerk', 'supervisor', 'admin'] as const
const accountIdInput = z.object({ accountId: labelled('Лицевой счет', z.string().min(1)) })

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
  'accounts.formOptions': channel<AccountFormOptions>()({
    input: z.object({}),
    roles: accountEditors,
  }),
  'accounts.form': channel<AccountForm>()({ input: accountIdInput, roles: accountEditors }),
  'accounts.duplicates': channel<DuplicateCandidate[]>()({
    input: duplicatesQuerySchema,
    roles: accountEditors,
  }),
  /** Known customers by name, phone or ELS: a second account links to one of them. */
  'accounts.customers': channel<CustomerMatch[]>()({
    input: z.object({
      query: labelled('Поиск абонента', z.string().max(200, 'не длиннее 200 символов')),
    }),
    roles: accountEditors,
  }),
  'accounts.edit': channel<{ version: number }>()({
    input: editAccountSchema,
    roles: accountEditors,
  }),
  'accounts.linkPerson': channel<{ linkId: string; customerId: string }>()({
    input: linkPersonSchema,
    roles: accountEditors,
  }),
  'accounts.unlinkPerson': channel<null>()({ input: unlinkPersonSchema, roles: accountEditors }),
  'accounts.recordConsent': channel<{ consentId: string }>()({
    input: recordConsentSchema,
    roles: accountEditors,
  }),
  'accounts.close': channel<{ readingIds: string[] }>()({
    input: closeAccountSchema,
    roles: accountEditors,
  }),
}
