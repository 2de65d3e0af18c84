import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

/** node_modules/electron, found without running its index.js (which downloads the binary). */
function electronPackageDir(): string | null {
  try {
    return dirname(createRequire(import.meta.url).resolve('electron/package.json'))
  } catch {
    return null
  }
}

/**
 * The Electron executable if its binary has been downloaded, else null. Mirrors the lookup of
 * electron's index.js (path.txt names the executable inside dist/) without its download.
 */
export function electronBinaryPath(
  packageDir: string | null = electronPackageDir(),
): string | null {
  if (!packageDir) return null
  const pathFile = join(packageDir, 'path.txt')
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : ''
  const overrideDist = process.env.ELECTRON_OVERRIDE_DIST_PATH
  if (overrideDist) {
    const file = join(overrideDist, executable || 'electron')
    return existsSync(file) ? file : null
  }
  if (!executable) return null
  const file = join(packageDir, 'dist', executable)
  return existsSync(file) ? file : null
}

export function electronBinaryAvailable(packageDir?: string | null): boolean {
  return electronBinaryPath(packageDir) !== null
}
