import { describe, expect, it } from 'vitest'
import {
  billService,
  type BillingMeter,
  type BillLine,
  type PastLine,
} from '../../src-shared/billing/bill-service'
import { required } from '../../src-shared/billing/dated'
import { addPeriods } from '../../src-shared/billing/days'
import { billingLawOf } from '../../src-shared/billing/law-rows'
import { parseVolume, type TariffRate } from '../../src-shared/billing/tariff-split'
import { generateDemo } from '../../src-demo/generate'
import type { ChargeRow, DemoAccount, DemoReference } from '../../src-demo/types'

// The demo's charge history must be what the period close bills: each past period re-billed here
// from the demo's stored rows alone (its readings as they stood before that close, its earlier
// lines, its tariff and settings rows) by billing's pure rule gives the demo's own lines.

const options = { seed: 7, accounts: 400, months: 12, today: '2026-11-20' }

function chunks(): { reference: DemoReference; accounts: DemoAccount[] } {
  let reference: DemoReference | null = null
  const accounts: DemoAccount[] = []
  for (const c of generateDemo(options)) {
    if (c.kind === 'reference') reference = c.reference
    else accounts.push(c.account)
  }
  return { reference: reference!, accounts }
}

type Line = Pick<
  ChargeRow,
  | 'service'
  | 'supplierId'
  | 'zone'
  | 'kind'
  | 'basis'
  | 'volume'
  | 'rateMillikopecks'
  | 'amount'
  | 'recalculatedPeriod'
>

const lineOf = (l: Line) => ({
  service: l.service,
  supplierId: l.supplierId,
  zone: l.zone,
  kind: l.kind,
  basis: l.basis,
  volume: l.volume,
  rateMillikopecks: l.rateMillikopecks,
  amount: l.amount,
  recalculatedPeriod: l.recalculatedPeriod,
})

describe("the demo's charges", () => {
  it('are what the period close bills from the same rows, period by period', () => {
    const { reference, accounts } = chunks()
    const law = billingLawOf(reference.settings)
    const tariffs = new Map<string, TariffRate[]>()
    for (const t of reference.tariffs) {
      const key = `${t.supplierId}|${t.service}|${t.tariffGroup}|${t.zone}`
      tariffs.set(key, [...(tariffs.get(key) ?? []), t])
    }
    const bases = new Map<string, number>()
    let periodsChecked = 0
    for (const { account, services, meters, readings, charges } of accounts) {
      const periods = [...new Set(charges.map((c) => c.period))].sort()
      for (const period of periods) {
        const start = `${period}-01`
        const rule = required(law.estimate, start, 'billingEstimate')
        const norms = required(law.norms, start, 'billingNorms')
        const from = addPeriods(period, -(rule.windowMonths + rule.maxPeriods + 1))
        const expected = charges.filter((c) => c.period === period && c.kind !== 'penalty')
        const got: BillLine[] = []
        const billed: string[] = []
        for (const s of services) {
          // The readings standing before this close: those billed by an earlier one are billed.
          const standing = (m: (typeof meters)[number]): BillingMeter => ({
            id: m.id,
            intDigits: m.intDigits,
            transformationRatio: m.transformationRatio,
            installedAt: m.installedAt,
            removedAt: m.removedAt,
            nextVerificationAt: m.nextVerificationAt,
            readings: readings
              .filter((r) => r.meterId === m.id && r.status !== 'rejected' && r.period <= period)
              .map((r) => ({
                id: r.id,
                zone: r.zone,
                value: r.value,
                readingDate: r.readingDate,
                enteredAt: r.enteredAt,
                period: r.period,
                status: r.status === 'billed' && r.period < period ? 'billed' : 'accepted',
              })),
          })
          const past: PastLine[] = charges
            .filter(
              (c) =>
                c.service === s.service &&
                c.period >= from &&
                c.period < period &&
                c.kind !== 'penalty' &&
                c.volume !== null,
            )
            .map((c) => ({
              period: c.period,
              zone: c.zone,
              kind: c.kind as PastLine['kind'],
              basis: c.basis,
              ...parseVolume(c.volume!),
              recalculatedPeriod: c.recalculatedPeriod,
            }))
          const rates = Object.fromEntries(
            (['T1', 'T2', 'T3'] as const).flatMap((zone) => {
              const r = tariffs.get(`${s.supplierId}|${s.service}|${account.tariffGroup}|${zone}`)
              return r ? [[zone, r]] : []
            }),
          )
          const bill = billService(
            {
              period,
              residents: account.residents,
              areaTenths:
                account.totalArea === null ? null : Math.round(Number(account.totalArea) * 10),
              openedOn: account.createdAt.slice(0, 10),
              closedOn: account.closedAt,
            },
            {
              service: s.service,
              supplierId: s.supplierId,
              meters: meters.filter((m) => m.service === s.service).map(standing),
              past,
              tariffs: rates,
            },
            rule,
            norms,
          )
          got.push(...bill.lines)
          billed.push(...bill.billedReadingIds)
        }
        expect(got.map(lineOf), `${account.number} ${period}`).toEqual(expected.map(lineOf))
        // The readings that close billed are the ones the demo stores as billed for it.
        const stored = readings.filter((r) => r.status === 'billed' && r.period === period)
        expect(billed.sort()).toEqual(stored.map((r) => r.id).sort())
        for (const l of got) bases.set(l.basis, (bases.get(l.basis) ?? 0) + 1)
        periodsChecked++
      }
    }
    expect(periodsChecked).toBeGreaterThan(options.accounts * 10)
    // Metered, estimated from the average (a meter past its verification) and by the norm.
    expect(bases.get('meter')).toBeGreaterThan(1000)
    expect(bases.get('norm')).toBeGreaterThan(100)
    expect(bases.get('average')).toBeGreaterThan(0)
  })
})
