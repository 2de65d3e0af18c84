import { copyFileSync, existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Db } from '../src-main/db/connection'
import { openReplica } from '../src-main/db/replica'
import { loadDemoData, type DemoProgress } from '../src-main/demo/load'
import type { DemoOptions } from '../src-demo/types'

/**
 * A demo replica for a benchmark, built once and reused: a marker file written after a complete
 * load says which options made it; anything else in the folder is thrown away and rebuilt.
 */
export function benchReplica(
  dir: string,
  options: DemoOptions,
): { db: Db; file: string; built: boolean } {
  const file = join(dir, 'replica.sqlite')
  const marker = join(dir, 'complete.json')
  const wanted = JSON.stringify(options)
  if (existsSync(file) && existsSync(marker) && readFileSync(marker, 'utf8') === wanted) {
    return { db: openReplica({ file }), file, built: false }
  }
  rmSync(dir, { recursive: true, force: true })
  console.log(`Строю реплику: ${options.accounts} л/с, ${options.months} мес. -> ${file}`)
  const db = openReplica({ file })
  let last = 0
  const summary = loadDemoData(db, options, {
    worker: true,
    onProgress: (p: DemoProgress) => {
      const now = performance.now()
      if (now - last < 2000 && p.done !== p.total) return
      last = now
      console.log(`  ${p.phase}: ${p.done}/${p.total}`)
    },
  })
  db.$client.pragma('wal_checkpoint(TRUNCATE)')
  writeFileSync(marker, wanted)
  const mb = Math.round(statSync(file).size / 1024 / 1024)
  console.log(
    `  готово за ${(summary.ms / 1000).toFixed(1)} с: показаний ${summary.readings}, начислений ${summary.charges}, платежей ${summary.payments}; файл ${mb} МБ`,
  )
  return { db, file, built: true }
}

/**
 * A fresh copy of the cached replica for one run of a bench that writes: every run starts from
 * the same data (a second run would otherwise meet the first one's readings and payments).
 */
export function benchReplicaCopy(dir: string, options: DemoOptions): { db: Db; file: string } {
  const pristine = benchReplica(dir, options)
  pristine.db.$client.pragma('wal_checkpoint(TRUNCATE)')
  pristine.db.$client.close()
  const file = join(dir, 'run.sqlite')
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true })
  copyFileSync(pristine.file, file)
  return { db: openReplica({ file }), file }
}

/** A fresh copy of the demo replica the writing benches share at one size (seed 1). */
export function demoReplicaCopy(options: Omit<DemoOptions, 'seed'>): { db: Db; file: string } {
  const dir = join('.bench-data', `replica-${options.accounts}-${options.months}`)
  return benchReplicaCopy(dir, { seed: 1, ...options })
}
