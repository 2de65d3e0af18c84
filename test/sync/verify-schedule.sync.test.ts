import { describe, expect, it } from 'vitest'
import { readSyncState } from '../../src-main/sync/sync-state'
import { syncMessages } from '../../src-shared/sync/messages'
import { accountInput } from '../support/temp-app'
import { seedAccountWithDebt, seedBranch, useSyncServer } from '../support/server'
import type { HeadlessClient } from './support/client'

// Verify runs in the sync loop: once a day, and after the server rejected a command; a table
// whose count or hash differs from the server's is pulled again.

const { database, desk } = useSyncServer()

const sqlite = (client: HeadlessClient) => client.app.services.db.$client
const charges = (client: HeadlessClient) =>
  sqlite(client).prepare('SELECT count(*) FROM charges').pluck().get() as number
/** A replica that lost rows the server holds (a restored file, a bug): its charges. */
const loseCharges = (client: HeadlessClient) => sqlite(client).prepare('DELETE FROM charges').run()

describe('verify in the sync loop', () => {
  it('runs once a day and pulls again a table that differs', async () => {
    const branch = await seedBranch(database.db)
    await seedAccountWithDebt(database.db, branch, '7791000001')
    const a = await desk(branch)
    expect(charges(a)).toBe(2)
    // The first pull counts as verified: the next sync does not verify.
    loseCharges(a)
    expect((await a.sync()).verified).toBeNull()
    expect(charges(a)).toBe(0)
    // A day later it does.
    const dayAgo = new Date(Date.now() - 86_400_000 - 1_000).toISOString()
    sqlite(a).prepare('UPDATE sync_state SET verified_at = ?').run(dayAgo)
    expect((await a.sync()).verified).toEqual({ compared: true, repulled: ['charges'] })
    expect(charges(a)).toBe(2)
    expect(readSyncState(a.app.services.db)!.verifiedAt! > dayAgo).toBe(true)
  })

  it('runs after a rejected command, keeping the rejected fact for the supervisor', async () => {
    const branch = await seedBranch(database.db)
    await seedAccountWithDebt(database.db, branch, '7791000002')
    const [a, b] = [await desk(branch), await desk(branch)]
    // Both register one number; b's reaches the server first, so a's is rejected.
    await b.call(
      'accounts.register',
      accountInput({ number: '7791000099', officeId: branch.officeId }),
    )
    await b.sync()
    await a.call(
      'accounts.register',
      accountInput({ number: '7791000099', officeId: branch.officeId }),
    )
    loseCharges(a)
    const report = await a.sync()
    expect(a.outbox().find((e) => e.name === 'account.register')).toMatchObject({
      status: 'rejected',
      rejectReason: syncMessages.accountNumberTaken('7791000099'),
    })
    expect(report.verified?.compared).toBe(true)
    expect(report.verified?.repulled).toContain('charges')
    expect(charges(a)).toBe(2)
    // The rejected account stays, marked, for the rejection's resolution.
    const numbers = sqlite(a)
      .prepare(`SELECT number FROM accounts WHERE number LIKE '7791000099%' ORDER BY number`)
      .pluck()
      .all()
    expect(numbers).toEqual(['7791000099', '7791000099-ДУБЛЬ'])
  })
})
