import { isReleaseChannel, type ReleaseChannel } from '../../src-shared/updates/feed'
import type { OfferedRelease, UpdateStatus } from '../../src-shared/updates/contract'

/** What electron-updater tells of a release (its UpdateInfo, the fields read here). */
export interface ReleaseInfo {
  version: string
  releaseNotes?: unknown
  releaseDate?: string
}

function offered(info: ReleaseInfo): OfferedRelease {
  return {
    version: info.version,
    // A generic feed's notes are the text `publish-release --notes` wrote.
    releaseNotes: typeof info.releaseNotes === 'string' ? info.releaseNotes : null,
    releaseDate: info.releaseDate ?? null,
  }
}

/**
 * The workstation's updates as the header and the About screen see them. The Electron glue
 * writes it; the web dev host and a dev run leave it disabled.
 */
export class UpdateState {
  enabled = false
  server: string | null = null
  lastCheckAt: string | null = null
  lastError: string | null = null
  available: OfferedRelease | null = null
  ready = false
  waitingForShift = false

  constructor(
    readonly appVersion: string,
    readonly channel: ReleaseChannel,
  ) {}

  checked(at: Date): void {
    this.lastCheckAt = at.toISOString()
    this.lastError = null
  }

  failed(error: unknown): void {
    this.lastError = error instanceof Error ? error.message : String(error)
  }

  offer(info: ReleaseInfo | null): void {
    if (this.ready) return
    this.available = info ? offered(info) : null
  }

  downloaded(info: ReleaseInfo): void {
    this.available = offered(info)
    this.ready = true
  }

  view(): UpdateStatus {
    return {
      appVersion: this.appVersion,
      enabled: this.enabled,
      server: this.server,
      channel: this.channel,
      lastCheckAt: this.lastCheckAt,
      lastError: this.lastError,
      available: this.available,
      ready: this.ready,
      waitingForShift: this.waitingForShift,
    }
  }
}

/**
 * The release channel an administrator put this workstation on (ENERGO_UPDATE_CHANNEL=pilot for
 * the pilot workstations); stable otherwise.
 */
export function configuredChannel(value: string | undefined): ReleaseChannel {
  return isReleaseChannel(value) ? value : 'stable'
}
