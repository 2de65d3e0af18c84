import { uuidv7 } from 'uuidv7'
import { futureDateIssue, type RecordConsentArgs } from '../../src-shared/accounts/change-schemas'
import { officeDate } from '../../src-shared/dates'
import { ApiFailure } from '../api/failure'
import type { CommandDef } from '../commands/command'
import { consents } from '../db/schema'
import { readSetting } from '../settings/settings'
import { storedAccount } from './account-fields'

/**
 * account.recordConsent: consent given or withdrawn on a date is a new dated row, never an update
 * (152-FZ: the record of when the customer agreed or withdrew stays). Closed accounts take it too:
 * a former customer may still withdraw a consent.
 */
export const recordConsent: CommandDef<
  RecordConsentArgs,
  { consentId: string },
  'account.recordConsent'
> = {
  name: 'account.recordConsent',
  argsVersion: 1,
  apply(tx, args, ctx) {
    storedAccount(tx, args.accountId)
    const today = officeDate(ctx.now, readSetting(tx, 'officeTimeZone', ctx.at.slice(0, 10)))
    const issue = futureDateIssue(args.date, today)
    if (issue) {
      const message = `Дата согласия: ${issue}`
      throw new ApiFailure('invalid_input', message, { date: message })
    }
    const consentId = uuidv7()
    tx.insert(consents)
      .values({
        id: consentId,
        accountId: args.accountId,
        kind: args.kind,
        given: args.given,
        date: args.date,
        operatorId: ctx.operatorId,
        createdAt: ctx.at,
      })
      .run()
    return {
      result: { consentId },
      recorded: { ...args, consentId },
      audit: [
        {
          action: 'account.recordConsent',
          entity: 'consent',
          entityId: consentId,
          accountId: args.accountId,
          details: { new: { kind: args.kind, given: args.given, date: args.date } },
        },
      ],
    }
  },
}
