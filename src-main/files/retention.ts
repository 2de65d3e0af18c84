import { readdirSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'

const dayMs = 24 * 60 * 60 * 1000

/**
 * Deletes the files in `folder` (not below it) last written more than `days` days before `now`;
 * answers how many. A folder that is not there holds nothing to purge.
 */
export function purgeOlderThan(folder: string, days: number, now: Date, suffix: string): number {
  let entries: string[]
  try {
    entries = readdirSync(folder)
  } catch {
    return 0
  }
  const cutoff = now.getTime() - days * dayMs
  let purged = 0
  for (const name of entries) {
    if (!name.endsWith(suffix)) continue
    const file = join(folder, name)
    const stat = statSync(file, { throwIfNoEntry: false })
    if (!stat?.isFile() || stat.mtimeMs >= cutoff) continue
    rmSync(file, { force: true })
    purged++
  }
  return purged
}
