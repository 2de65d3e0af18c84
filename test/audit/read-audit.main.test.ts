import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { auditActionName } from '../../src-shared/audit/actions'
import type { AuditPage } from '../../src-shared/audit/contract'
import { tempApp, testOperators, type TempApp } from '../support/temp-app'
import { appTab, clerkWithAccount } from '../support/app-tab'

let t: TempApp
let accountId: string
const clerk = testOperators[0]
const supervisor = testOperators[2]
const tab = 'web:tab-reads-1'

beforeEach(async () => {
  t = tempApp()
  accountId = await clerkWithAccount(t, tab)
})
afterEach(() => t.cleanup())

function reads(): { action: string; accountId: string | null; operatorId: string }[] {
  return t.app.services.db.$client
    .prepare(
      `SELECT action, account_id AS accountId, operator_id AS operatorId FROM audit_log
        WHERE action NOT IN ('session.login', 'account.register') ORDER BY at, rowid`,
    )
    .all() as { action: string; accountId: string | null; operatorId: string }[]
}

describe('reads of personal data in the audit log', () => {
  it.each([
    ['accounts.form', 'account.form'],
    ['payments.proposal', 'payment.proposal'],
    ['readings.entryContext', 'reading.entry'],
    ['readings.history', 'reading.history'],
    ['payments.history', 'payment.history'],
    ['audit.account', 'account.history'],
  ])('%s is audited as %s, with the account and the operator', async (channel, action) => {
    const result = await t.app.dispatch(channel, { accountId }, tab)
    expect(result.ok).toBe(true)
    expect(reads()).toEqual([{ action, accountId, operatorId: clerk.id }])
  })

  it('writes one entry per view, not per request, and a new one for a later view', async () => {
    for (let i = 0; i < 3; i++) await t.app.dispatch('payments.history', { accountId }, tab)
    expect(reads()).toHaveLength(1)
    t.advance(61_000)
    await t.app.dispatch('payments.history', { accountId }, tab)
    expect(reads()).toHaveLength(2)
  })

  it('audits the alerts list with what it listed, and a report of personal data', async () => {
    await t.app.dispatch('notifications.list', { kind: 'debt' }, tab)
    expect(reads()).toMatchObject([{ action: 'notifications.list', accountId: null }])
    const other = 'web:tab-reads-2'
    await appTab(() => t, other).login(supervisor)
    await t.app.dispatch('reports.run', { report: 'payments', filters: {} }, other)
    await t.app.dispatch('reports.run', { report: 'shifts', filters: {} }, other)
    expect(reads().map((r) => r.action)).toEqual(['notifications.list', 'report.view'])
  })

  it('lets a supervisor see who viewed one account', async () => {
    await t.app.dispatch('accounts.card', { accountId }, tab)
    const other = 'web:tab-reads-3'
    await appTab(() => t, other).login(supervisor)
    const report = await t.app.dispatch(
      'reports.run',
      {
        report: 'personalData',
        filters: { from: '2026-11-20', to: '2026-11-20', account: '7700000001' },
      },
      other,
    )
    expect(report.ok).toBe(true)
    if (!report.ok) return
    const table = report.value as { rows: unknown[][]; filters: { label: string; value: string }[] }
    expect(table.rows.map((r) => [r[1], r[3], r[4]])).toEqual([
      [clerk.fullName, 'Просмотр карточки счета', '7700000001'],
    ])
    expect(table.filters).toContainEqual({ label: 'Лицевой счет', value: '7700000001' })
  })

  it('keeps the reads each action says are not history out of the history, the card view in', async () => {
    await t.app.dispatch('accounts.card', { accountId }, tab)
    await t.app.dispatch('accounts.form', { accountId }, tab)
    await t.app.dispatch('payments.history', { accountId }, tab)
    const history = await t.app.dispatch('audit.account', { accountId }, tab)
    if (!history.ok) throw new Error(history.error.message)
    expect((history.value as AuditPage).entries.map((e) => e.action)).toEqual([
      'account.view',
      'account.register',
    ])
    // «Кто смотрел» still lists every read.
    expect(reads().map((r) => r.action)).toEqual([
      'account.view',
      'account.form',
      'payment.history',
      'account.history',
    ])
  })

  it('gives every action it wrote a Russian name', async () => {
    await t.app.dispatch('accounts.card', { accountId }, tab)
    for (const channel of ['accounts.form', 'payments.proposal', 'readings.history'])
      await t.app.dispatch(channel, { accountId }, tab)
    await t.app.dispatch('notifications.list', { kind: 'debt' }, tab)
    await t.app.dispatch('session.logout', {}, tab)
    await t.app.dispatch('session.login', { login: clerk.login, password: 'wrong' }, tab)
    const written = t.app.services.db.$client
      .prepare('SELECT DISTINCT action FROM audit_log ORDER BY action')
      .pluck()
      .all() as string[]
    expect(written).toHaveLength(9)
    expect(written.filter((a) => auditActionName(a) === null)).toEqual([])
  })
})
