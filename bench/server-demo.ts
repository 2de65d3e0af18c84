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
