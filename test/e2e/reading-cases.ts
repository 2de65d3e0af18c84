import { join } from 'node:path'
import { e2eDataDir } from '../../playwright.config'
import { openSqlite, wrap } from '../../src-main/db/connection'
import { readingEntryContext } from '../../src-main/readings/entry-context'
import { officeDate } from '../../src-shared/dates'
import type { ReadingEntryMeter } from '../../src-shared/readings/contract'
import type { Zone } from '../../src-shared/readings/domain'
import { validateReadingSubmission } from '../../src-shared/readings/validate-reading'
import { demoAccount } from './replica'

export type CaseKind = 'ok' | 'warning' | 'supervisor'

export interface ReadingCase {
  accountId: string
  number: string
  meter: ReadingEntryMeter
  /** What the clerk types per zone. */
  values: Partial<Record<Zone, string>>
}

export const today = officeDate(new Date(), 'Europe/Moscow')

// Small steps find ok and warning values; large ones leave the error band.
const steps = [
  ...Array.from({ length: 400 }, (_, i) => i + 1),
  ...[600, 1000, 2000, 4000, 8000, 16000],
]

/**
 * One-meter accounts (each used once, so the scenarios do not move each other's previous
 * readings) and values the shared rules judge as asked: the test types what the same validator
 * the app runs judges, over the replica the web host serves.
 */
export function findReadingCases(
  kinds: CaseKind[],
  replicaPath = join(e2eDataDir, 'replica.sqlite'),
): ReadingCase[] {
  const sqlite = openSqlite(replicaPath, { readonly: true })
  const db = wrap(sqlite)
  const accounts = sqlite
    .prepare(
      `SELECT a.id, a.number FROM accounts a
        WHERE a.status = 'open' AND a.residents > 0 AND ${demoAccount}
          AND (SELECT count(*) FROM meters m WHERE m.account_id = a.id AND m.status = 'active') = 1
        ORDER BY a.search_key DESC`,
    )
    .all() as { id: string; number: string }[]
  const found: ReadingCase[] = []
  const used = new Set<string>()
  try {
    for (const kind of kinds) {
      for (const a of accounts) {
        if (used.has(a.id)) continue
        const hit = judgeAccount(db, a, kind)
        if (!hit) continue
        found.push(hit)
        used.add(a.id)
        break
      }
    }
  } finally {
    sqlite.close()
  }
  if (found.length !== kinds.length) throw new Error(`no account for every case: ${kinds}`)
  return found
}

function judgeAccount(
  db: ReturnType<typeof wrap>,
  account: { id: string; number: string },
  kind: CaseKind,
): ReadingCase | null {
  const context = readingEntryContext(db, account.id, today)
  const meter = context.meters[0]!
  const zones = Object.keys(meter.previous) as Zone[]
  if (zones.length !== meter.zones || meter.verification === 'expired') return null
  for (const extra of steps) {
    const values = Object.fromEntries(
      zones.map((z) => [z, String(meter.previous[z]!.value + extra)]),
    )
    if (Object.values(values).some((v) => v.length > meter.intDigits)) return null
    const result = validateReadingSubmission({
      meter,
      values,
      readingDate: today,
      entryDate: today,
      previous: meter.previous,
      history: meter.history,
      occupied: context.occupied,
      settings: context.rules,
    })
    const matches =
      kind === 'supervisor'
        ? result.status === 'error' && result.supervisorMayAccept
        : result.status === kind
    if (matches) return { accountId: account.id, number: account.number, meter, values }
  }
  return null
}
