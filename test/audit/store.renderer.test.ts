// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { useAccountFormStore } from '../../src-renderer/accounts/form/form-store'
import { useAuditStore } from '../../src-renderer/audit/store'
import { closeRendererApp, rendererApp } from '../support/renderer-bridge'

afterEach(closeRendererApp)

const page = { from: null, to: null, offset: 0, limit: 50, kind: null }

/** Edits the account's residents through the form store: one entry of history. */
async function editResidents(accountId: string, residents: number): Promise<void> {
  const forms = useAccountFormStore()
  const stored = await forms.stored(accountId)
  if (!stored.ok) throw new Error(stored.error.message)
  const edited = await forms.edit({
    accountId,
    expectedVersion: stored.value.version,
    changes: { residents },
  })
  expect(edited.ok).toBe(true)
}

describe('the history store', () => {
  it("reads an account's history, newest first, and the operator's own in a date range", async () => {
    const { accountId } = await rendererApp({ login: 'super', account: true })
    await editResidents(accountId, 4)
    const store = useAuditStore()

    const ofAccount = await store.ofAccount({ accountId, ...page })
    expect(ofAccount.ok).toBe(true)
    if (!ofAccount.ok) return
    const edit = ofAccount.value.entries.find((e) => e.action === 'account.edit')
    expect(edit).toMatchObject({
      accountNumber: '7700000001',
      operatorName: 'Сидорова Анна Юрьевна',
      changes: [{ field: 'Проживающих', old: '3', new: '4' }],
    })
    expect(ofAccount.value.entries.map((e) => e.action)).toEqual([
      'account.edit',
      'account.register',
    ])

    const own = await store.ofOperator({ operatorId: null, ...page })
    expect(own.ok && own.value.entries.map((e) => e.action)).toContain('account.edit')
    const elsewhen = await store.ofOperator({
      operatorId: null,
      ...page,
      from: '2020-01-01',
      to: '2020-01-31',
    })
    expect(elsewhen.ok && elsewhen.value).toEqual({ entries: [], total: 0 })
  })

  it('lists the operators a supervisor picks from; a range back to front is refused in Russian', async () => {
    await rendererApp({ login: 'super' })
    const store = useAuditStore()
    const operators = await store.operators()
    expect(operators.map((o) => o.login).sort()).toEqual(
      expect.arrayContaining(['cashier', 'clerk', 'super']),
    )
    const backwards = await store.ofOperator({
      operatorId: null,
      ...page,
      from: '2026-11-20',
      to: '2026-11-01',
    })
    expect(!backwards.ok && backwards.error.fields?.from).toMatch(/[А-Яа-я]/u)
  })
})
