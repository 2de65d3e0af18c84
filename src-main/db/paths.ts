import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/** resources/ of this checkout, found by walking up from this file (source or bundle). */
export function resourcesDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url))
  for (;;) {
    const candidate = join(dir, 'resources', 'migrations')
    if (existsSync(candidate)) return join(dir, 'resources')
    const parent = resolve(dir, '..')
    if (parent === dir) throw new Error('resources/migrations not found')
    dir = parent
  }
}

export function migrationsFolder(): string {
  return join(resourcesDir(), 'migrations')
}
