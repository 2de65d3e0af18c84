import { searchPlan, type AccountSearchKeys } from '../src-shared/accounts/search-terms'
import { rawSearchKeys, searchAccounts } from '../src-main/accounts/search'
import type { Db } from '../src-main/db/connection'
import { benchCounts } from './options'
import { benchReplica } from './replica-cache'

/**
 * Account search at scale: for each kind of key a clerk types, 1,000 queries taken from the
 * database, timed through the app's searchAccounts and through the bare FTS5 query alone.
 */

export interface Sample {
  query: string
  accountId: string
}

export interface Kind {
  name: string
  /** The account must be among the hits (false for keys many accounts share). */
  unique: boolean
  /** Extra condition on the account or its holder (a, c) for it to have this key. */
  where?: string
  query: (row: SampleRow) => string | null
}

interface SampleRow extends AccountSearchKeys {
  id: string
  lastName: string
  firstName: string
  middleName: string | null
  phone: string | null
  serial: string | null
}

/** "ул. Набережная Волги" -> "Набережная Волги": clerks do not type the street type. */
function streetName(street: string): string {
  return street.replace(/^(ул\.|пер\.|б-р|пр-т|пр\.|проезд)\s+/u, '')
}

/** "+79161234567" -> "8 916 123-45-67", as it is dictated over the phone. */
function dictatedPhone(phone: string): string {
  const d = phone.slice(-10)
  return `8 ${d.slice(0, 3)} ${d.slice(3, 6)}-${d.slice(6, 8)}-${d.slice(8)}`
}

export const kinds: Kind[] = [
  { name: 'номер ЛС', unique: true, query: (r) => r.number },
  { name: 'начало номера', unique: true, query: (r) => r.number.slice(0, 7) },
  { name: 'ЕЛС', unique: true, where: 'a.els IS NOT NULL', query: (r) => r.els },
  { name: 'фамилия', unique: false, query: (r) => r.lastName },
  {
    name: 'ФИО',
    unique: true,
    query: (r) => [r.lastName, r.firstName, r.middleName].filter(Boolean).join(' '),
  },
  {
    name: 'адрес',
    unique: true,
    query: (r) => {
      const house = r.building ? `${r.house} корп. ${r.building}` : r.house
      // A house in a village is told by the village; a flat by the street and flat.
      if (!r.flat)
        return `${r.settlement.replace(/^(г\.|пгт|с\.|д\.)\s+/u, '')} ${streetName(r.street)} ${house}`
      return `${streetName(r.street)} ${house} ${r.flat}`
    },
  },
  {
    name: 'телефон',
    unique: true,
    where: 'c.phone IS NOT NULL',
    query: (r) => (r.phone ? dictatedPhone(r.phone) : null),
  },
  {
    name: 'заводской номер ПУ',
    unique: true,
    where: 'EXISTS (SELECT 1 FROM meters m WHERE m.account_id = a.id)',
    query: (r) => r.serial,
  },
]

export function samples(
  db: Db,
  kind: Kind,
  kindIndex: number,
  count: number,
  accounts: number,
): Sample[] {
  const stmt = db.$client.prepare(
    `SELECT a.id, a.number, a.els, a.settlement, a.street, a.house, a.building, a.flat,
            c.last_name AS lastName, c.first_name AS firstName, c.middle_name AS middleName, c.phone,
            (SELECT serial_number FROM meters m WHERE m.account_id = a.id ORDER BY m.service, m.id LIMIT 1) AS serial
       FROM accounts a JOIN customers c ON c.id = a.holder_id
      WHERE a.search_key >= ? ${kind.where ? `AND ${kind.where}` : ''}
      ORDER BY a.search_key LIMIT 1`,
  )
  const out: Sample[] = []
  for (let i = 0; i < count; i++) {
    // Evenly spread over the accounts, each kind starting elsewhere.
    const key = 1 + ((Math.floor((i * accounts) / count) + kindIndex * 7919) % accounts)
    const row = (stmt.get(key) ?? stmt.get(1)) as SampleRow | undefined
    const query = row ? kind.query(row) : null
    if (row && query) out.push({ query, accountId: row.id })
  }
  return out
}

function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0
  return sorted[
    Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))
  ] as number
}

const ms = (x: number) => x.toFixed(3)

interface KindResult {
  name: string
  queries: string[]
  app: number[]
  raw: number[]
  hits: number
  found: number
  missing: string[]
  unique: boolean
}

function measure(db: Db, kind: Kind, list: Sample[]): KindResult {
  // Warm-up: the same queries once, so the timings are of a workstation that has been running.
  list.forEach((s) => {
    searchAccounts(db, s.query, 50)
    rawSearchKeys(db, s.query, 50)
  })
  const app: number[] = []
  const raw: number[] = []
  let hits = 0
  let found = 0
  const missing: string[] = []
  list.forEach((s) => {
    let t = performance.now()
    const result = searchAccounts(db, s.query, 50)
    app.push(performance.now() - t)
    t = performance.now()
    rawSearchKeys(db, s.query, 50)
    raw.push(performance.now() - t)
    hits += result.hits.length
    if (result.hits.some((h) => h.id === s.accountId)) found += 1
    else if (kind.unique) missing.push(s.query)
  })
  return {
    name: kind.name,
    queries: list.map((x) => x.query),
    app,
    raw,
    hits: hits / list.length,
    found,
    missing,
    unique: kind.unique,
  }
}

export function run(args: string[]): void {
  const counts = benchCounts(args, { accounts: 100_000, seed: 1, queries: 1000, months: null })
  const { accounts } = counts
  if (accounts < 1) throw new Error('--accounts must be a positive integer')
  // Search needs no history: a little keeps the build short at a million accounts.
  const months = counts.months ?? (accounts >= 500_000 ? 1 : 3)
  const options = { seed: counts.seed, accounts, months, today: '2026-11-20' }
  const { db } = benchReplica(`.bench-data/search-${accounts}`, options)
  try {
    const count = counts.queries
    const results = kinds.map((k, i) => measure(db, k, samples(db, k, i, count, accounts)))

    const header = [
      'вид ключа',
      'запросов',
      'p50 мс',
      'p95 мс',
      'max мс',
      'ср. найдено',
      'FTS p50',
      'FTS p95',
      'свой найден',
    ]
    const rows = results.map((r) => {
      const app = [...r.app].sort((a, b) => a - b)
      const raw = [...r.raw].sort((a, b) => a - b)
      return [
        r.name,
        String(r.app.length),
        ms(percentile(app, 0.5)),
        ms(percentile(app, 0.95)),
        ms(app.at(-1) ?? 0),
        r.hits.toFixed(1),
        ms(percentile(raw, 0.5)),
        ms(percentile(raw, 0.95)),
        `${r.found}/${r.app.length}${r.unique ? '' : ' (не уникален)'}`,
      ]
    })
    const widths = header.map((h, i) =>
      Math.max(h.length, ...rows.map((r) => (r[i] as string).length)),
    )
    const line = (cells: string[]) =>
      cells
        .map((c, i) => (i === 0 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number)))
        .join('  ')
    console.log(`\nПоиск по ${accounts.toLocaleString('ru-RU')} л/с, limit 50:`)
    console.log(line(header))
    for (const r of rows) console.log(line(r))

    // Where the time goes: the slowest queries of each kind over the target.
    for (const r of results) {
      const order = r.app
        .map((t, i) => i)
        .sort((a, b) => (r.app[b] as number) - (r.app[a] as number))
      if (
        percentile(
          [...r.app].sort((a, b) => a - b),
          0.95,
        ) <= 5
      )
        continue
      console.log(`\nмедленнее всего (${r.name}):`)
      for (const i of order.slice(0, 3)) {
        const q = r.queries[i] as string
        console.log(`  ${ms(r.app[i] as number)} мс  «${q}»  ${JSON.stringify(searchPlan(q))}`)
      }
    }

    const missing = results.flatMap((r) => r.missing.map((q) => `${r.name}: ${q}`))
    if (missing.length > 0) {
      console.warn(`\nВНИМАНИЕ: ${missing.length} запросов не нашли свой лицевой счет, например:`)
      for (const m of missing.slice(0, 10)) console.warn(`  ${m}`)
    }

    const all = results.flatMap((r) => r.app).sort((a, b) => a - b)
    const raw = results.flatMap((r) => r.raw).sort((a, b) => a - b)
    const round = (x: number) => Math.round(x * 1000) / 1000
    console.log(
      JSON.stringify({
        bench: 'search',
        accounts,
        p50_ms: round(percentile(all, 0.5)),
        p95_ms: round(percentile(all, 0.95)),
        raw_fts_p95_ms: round(percentile(raw, 0.95)),
      }),
    )
  } finally {
    db.$client.close()
  }
}
