import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { ownerOnlyFolder } from '../files/owner-only'

/** Where an export's file goes, and how the supervisor gets it. */
export interface ExportTarget {
  path: string
  /** A download address the browser fetches the file from once (web dev host); null otherwise. */
  download: string | null
}

/**
 * Electron asks the supervisor where to save (the save dialog); the web dev host and the tests
 * keep the file in a folder the host offers it for download from.
 */
export interface ExportDestination {
  /** Null when the supervisor cancelled the choice. */
  choose(fileName: string): Promise<ExportTarget | null>
}

/** Address prefix of the web dev host's one-time downloads. */
export const downloadPrefix = '/download/'

/** A download key: 192 random bits, the only thing that names the file. */
export const downloadKeyPattern = /^[\w-]{32}$/

/** Files kept in `folder` under random keys, downloaded once through the web dev host. */
export function downloadFolder(folder: string): ExportDestination {
  return {
    choose(fileName) {
      ownerOnlyFolder(folder)
      const key = randomBytes(24).toString('base64url')
      return Promise.resolve({
        path: join(folder, `${key}.xlsx`),
        download: `${downloadPrefix}${key}/${encodeURIComponent(fileName)}`,
      })
    },
  }
}

/** A file name for the report: its title and dates, nothing a file system refuses. */
export function exportFileName(title: string, from: string | null, to: string): string {
  const dates = from ? `${from}_${to}` : to
  return `${title} ${dates}.xlsx`.replace(/[\\/:*?"<>|]+/g, '_')
}
