import { describe, expect, it } from 'vitest'
import {
  accountNotifications,
  type NotificationFacts,
} from '../../src-shared/notifications/notifications'

const rules = { today: '2026-11-20', currentPeriod: '2026-11', debtThreshold: 500_000 }
const meter = (nextVerificationAt: string | null, status = 'active', serialNumber = '111') => ({
  serialNumber,
  nextVerificationAt,
  status,
})
const facts = (over: Partial<NotificationFacts> = {}): NotificationFacts => ({
  status: 'open',
  closedAt: null,
  meters: [meter('2030-01-01')],
  lastReadingPeriod: '2026-11',
  balance: 0,
  ...over,
})

describe('accountNotifications', () => {
  it.each([
    ['nothing to flag', facts(), []],
    [
      'verification date passed',
      facts({ meters: [meter('2026-11-20')] }),
      [{ kind: 'verification_expired', meterSerial: '111', date: '2026-11-20' }],
    ],
    [
      'no verification date counts as expired',
      facts({ meters: [meter(null)] }),
      [{ kind: 'verification_expired', meterSerial: '111', date: null }],
    ],
    [
      'verification within 3 months',
      facts({ meters: [meter('2027-02-20')] }),
      [{ kind: 'verification_due', meterSerial: '111', date: '2027-02-20' }],
    ],
    ['verification in 3 months and a day', facts({ meters: [meter('2027-02-21')] }), []],
    ['a removed meter raises nothing', facts({ meters: [meter('2020-01-01', 'removed')] }), []],
    [
      'no reading this period',
      facts({ lastReadingPeriod: '2026-10' }),
      [{ kind: 'no_reading', period: '2026-11' }],
    ],
    ['never read', facts({ lastReadingPeriod: null }), [{ kind: 'no_reading', period: '2026-11' }]],
    ['no active meter: no reading expected', facts({ meters: [], lastReadingPeriod: null }), []],
    ['debt at the threshold', facts({ balance: 500_000 }), []],
    ['debt above the threshold', facts({ balance: 500_001 }), [{ kind: 'debt', amount: 500_001 }]],
    ['overpayment', facts({ balance: -900_000 }), []],
    [
      'closed account: its own alert and the debt, not its meters',
      facts({
        status: 'closed',
        closedAt: '2026-05-01',
        meters: [meter('2020-01-01')],
        lastReadingPeriod: null,
        balance: 700_000,
      }),
      [
        { kind: 'closed', date: '2026-05-01' },
        { kind: 'debt', amount: 700_000 },
      ],
    ],
  ])('%s', (_name, f, expected) => {
    expect(accountNotifications(f, rules)).toEqual(expected)
  })

  it('lists expired meters before due ones, each meter once', () => {
    const f = facts({
      meters: [meter('2027-01-10', 'active', 'A'), meter('2026-01-01', 'active', 'B')],
    })
    expect(accountNotifications(f, rules).map((a) => [a.kind, a.meterSerial])).toEqual([
      ['verification_expired', 'B'],
      ['verification_due', 'A'],
    ])
  })

  it('a threshold of zero flags any debt', () => {
    expect(accountNotifications(facts({ balance: 1 }), { ...rules, debtThreshold: 0 })).toEqual([
      { kind: 'debt', amount: 1 },
    ])
  })
})
