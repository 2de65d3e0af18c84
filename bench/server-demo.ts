import { sql } from 'drizzle-orm'
import type { DemoOptions } from '../src-demo/types'
import { loadServerDemo } from '../src-server/admin/demo'
import type { ServerDb } from '../src-server/db/connection'

/**
 * Loads the central server's demo data, printing the accounts loaded at most every `everyMs`
 * (a large load takes minutes); answers the seconds it took.
 */
export async function loadServerDemoShown(
  db: ServerDb,
  options: DemoOptions,
  everyMs: number,
): Promise<number> {
  const started = performance.now()
  let last = 0
  await loadServerDemo(db, options, (n) => {
    if (performance.now() - last < everyMs) return
    last = performance.now()
    console.log(`  ${n}/${options.accounts}`)
  })
  return (performance.now() - started) / 1000
}

/**
 * A production server's data is at rest: vacuumed and analysed, its pages on disk. Right after
 * the bulk load, autovacuum's passes over every table and the checkpoint of gigabytes of dirty
 * pages would run during the timed parts and compete with their commits (each push waits for its
 * WAL flush, behind the branch's counter), which no production hour looks like.
 */
export async function settle(db: ServerDb): Promise<void> {
  const started = performance.now()
  await db.execute(sql`VACUUM (ANALYZE)`)
  try {
    await db.execute(sql`CHECKPOINT`)
  } catch {
    // CHECKPOINT needs a superuser or pg_checkpoint: without, the timed checkpoint comes later.
    console.log('  CHECKPOINT не разрешен этому пользователю: контрольная точка по расписанию')
  }
  console.log(
    `  VACUUM ANALYZE и CHECKPOINT за ${Math.round((performance.now() - started) / 100) / 10} с`,
  )
}
