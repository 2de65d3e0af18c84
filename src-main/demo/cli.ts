import { rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { officeDate } from '../../src-shared/dates'
import { checkDemoOptions } from '../../src-demo/generate'
import { openReplica } from '../db/replica'
import { demoOperators, loadDemoData, type DemoProgress } from './load'

const usage = `npm run demo-data -- [--accounts N] [--seed S] [--months M] [--data-dir DIR] [--today YYYY-MM-DD] [--force]

Fills <data-dir>/replica.sqlite with a generated branch (default: 1000 accounts, seed 1,
24 months, .data, today). Refuses a replica that already has accounts unless --force,
which deletes the file first.`

function positiveInt(name: string, raw: string, min: number): number {
  const n = Number(raw)
  if (!Number.isInteger(n) || n < min)
    throw new Error(`--${name} must be an integer >= ${min}, got ${raw}`)
  return n
}

function removeReplica(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(file + suffix, { force: true })
}

function progressPrinter(): (p: DemoProgress) => void {
  let lastPrint = 0
  return (p) => {
    const now = performance.now()
    if (now - lastPrint < 1000 && p.done !== p.total) return
    lastPrint = now
    const label = p.phase === 'accounts' ? 'лицевые счета' : 'поисковый индекс'
    const pct = p.total > 0 ? Math.floor((100 * p.done) / p.total) : 100
    process.stdout.write(
      `  ${label}: ${p.done.toLocaleString('ru-RU')} из ${p.total.toLocaleString('ru-RU')} (${pct}%)\n`,
    )
  }
}

function main(): void {
  const { values } = parseArgs({
    options: {
      accounts: { type: 'string', default: '1000' },
      seed: { type: 'string', default: '1' },
      months: { type: 'string', default: '24' },
      'data-dir': { type: 'string', default: '.data' },
      today: { type: 'string' },
      force: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  })
  if (values.help) {
    console.log(usage)
    return
  }
  const options = {
    accounts: positiveInt('accounts', values.accounts, 0),
    seed: positiveInt('seed', values.seed, 0),
    months: positiveInt('months', values.months, 1),
    today: values.today ?? officeDate(new Date(), 'Europe/Moscow'),
  }
  checkDemoOptions(options)
  const dataDir = resolve(values['data-dir'])
  const file = join(dataDir, 'replica.sqlite')
  if (values.force) removeReplica(file)

  const db = openReplica({ file })
  try {
    const existing = db.$client.prepare('SELECT count(*) AS n FROM accounts').get() as { n: number }
    if (existing.n > 0) {
      console.error(
        `${file} уже содержит ${existing.n} лицевых счетов. Запустите с --force, чтобы создать базу заново.`,
      )
      process.exitCode = 1
      return
    }
    console.log(
      `Демо-данные: ${options.accounts} л/с, seed ${options.seed}, ${options.months} мес. до ${options.today} -> ${file}`,
    )
    const s = loadDemoData(db, options, { onProgress: progressPrinter(), worker: true })
    const rows = (n: number) => n.toLocaleString('ru-RU')
    console.log(`Готово за ${(s.ms / 1000).toFixed(1)} с:`)
    console.log(
      `  лицевых счетов ${rows(s.accounts)}, абонентов ${rows(s.customers)}, приборов учета ${rows(s.meters)}`,
    )
    console.log(
      `  показаний ${rows(s.readings)}, начислений ${rows(s.charges)}, платежей ${rows(s.payments)} (строк ${rows(s.paymentLines)})`,
    )
    console.log(`  рабочее место: ${s.receiptPrefix}`)
    console.log(
      'Вход: ' +
        demoOperators
          .slice(0, 4)
          .map((o) => `${o.login} / ${o.password}`)
          .join(', '),
    )
  } finally {
    db.$client.close()
  }
}

try {
  main()
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
}
