import { describe, expect, it } from 'vitest'
import {
  actionName,
  auditActionKeys,
  auditActionName,
  auditActions,
  personalDataActions,
  readsNotInHistory,
} from '../../src-shared/audit/actions'

describe('the audit actions, one definition each', () => {
  it.each(auditActionKeys)('%s has a Russian name of its own', (action) => {
    const name = auditActions[action].name
    expect(name).toMatch(/^[А-ЯЁ][а-яёА-ЯЁ ,.-]+$/)
    expect(auditActionKeys.filter((a) => auditActions[a].name === name)).toEqual([action])
  })

  // [action, listed in «Кто смотрел», shown in the history]
  it.each([
    ['account.view', true, true],
    ['document.print', true, true],
    ['report.export', true, true],
    ['account.form', true, false],
    ['account.history', true, false],
    ['payment.proposal', true, false],
    ['payment.history', true, false],
    ['reading.entry', true, false],
    ['reading.history', true, false],
    ['notifications.list', true, false],
    ['document.view', true, false],
    ['report.view', true, false],
    ['payment.record', false, true],
    ['document.batch', false, true],
    ['session.login', false, true],
  ] as const)('%s: personal data %s, in the history %s', (action, whoViewed, history) => {
    expect(personalDataActions.includes(action)).toBe(whoViewed)
    expect(readsNotInHistory.includes(action)).toBe(!history)
  })

  it('names an unknown code by itself, and says it does not know it', () => {
    expect(actionName('payment.record')).toBe('Прием платежа')
    expect(actionName('something.new')).toBe('something.new')
    expect(auditActionName('something.new')).toBeNull()
    expect(auditActionName('toString')).toBeNull()
  })
})
