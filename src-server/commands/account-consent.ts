import { futureDateIssue } from '../../src-shared/accounts/change-schemas'
import { officeDate } from '../../src-shared/dates'
import { syncMessages } from '../../src-shared/sync/messages'
import { settingsOn } from '../settings/settings'
import { accountOfBranch, exist } from './lookups'
import { reject, serverCommand } from './server-command'

/** account.recordConsent v1: one new dated consent row, never an update of an older one. */
export const accountRecordConsent = serverCommand({
  name: 'account.recordConsent',
  async apply(tx, write, args, ctx) {
    if (!(await exist(tx, { account: accountOfBranch(args.accountId, ctx.branchId) })).account)
      reject(syncMessages.accountNotFound)
    const timeZone = (await settingsOn(tx, ctx.at.slice(0, 10)))('officeTimeZone')
    const issue = futureDateIssue(args.date, officeDate(new Date(ctx.at), timeZone))
    if (issue) reject(syncMessages.invalidArgs(`Дата согласия: ${issue}`))
    await write.insert('consents', [
      {
        id: args.consentId,
        accountId: args.accountId,
        kind: args.kind,
        given: args.given ? 1 : 0,
        date: args.date,
        operatorId: ctx.operatorId,
        createdAt: ctx.at,
      },
    ])
    return { consentId: args.consentId }
  },
})
