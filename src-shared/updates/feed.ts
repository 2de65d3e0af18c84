/**
 * The update feed the central server serves to electron-updater's generic provider: one folder
 * per channel with `latest.yml` (Windows) and `latest-linux.yml` (Linux) naming the installers.
 */
import { compareVersions } from '../sync/versions'

export const releaseChannels = ['stable', 'pilot'] as const
export type ReleaseChannel = (typeof releaseChannels)[number]

export function isReleaseChannel(name: unknown): name is ReleaseChannel {
  return typeof name === 'string' && (releaseChannels as readonly string[]).includes(name)
}

export type FeedFile = 'latest.yml' | 'latest-linux.yml'

/** The feed that names an installer, by its kind; null for a file no updater installs. */
export function feedFileFor(installer: string): FeedFile | null {
  if (/\.exe$/i.test(installer)) return 'latest.yml'
  if (/\.(AppImage|deb)$/i.test(installer)) return 'latest-linux.yml'
  return null
}

/** A release file's name as served: letters, digits, dots, dashes, underscores; no paths. */
export function isReleaseFileName(name: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/.test(name) && !name.includes('..')
}

/**
 * The feed address a workstation checks: its own central server (the sync address). The
 * app's version rides along, so the server can offer a workstation it refuses to sync the
 * update outside a staged rollout.
 */
export function feedUrl(serverUrl: string, channel: ReleaseChannel, appVersion: string): string {
  const base = serverUrl.endsWith('/') ? serverUrl : `${serverUrl}/`
  return `${base}updates/${channel}/?app=${encodeURIComponent(appVersion)}`
}

/** One installer in a feed, as electron-updater reads it. */
export interface FeedEntry {
  url: string
  /** base64 of the file's SHA-512 digest. */
  sha512: string
  size: number
}

/** A channel's feed file (electron-builder's latest.yml layout). */
export interface FeedInfo {
  version: string
  files: FeedEntry[]
  path: string
  sha512: string
  releaseDate: string
  releaseNotes?: string
  /** Staged rollout: the share of workstations (0..100) offered this version. */
  stagingPercentage?: number
}

/**
 * What the server sends one workstation: a workstation older than the server's minimum app
 * version cannot sync, so it is offered the release whatever the rollout says.
 */
export function feedForWorkstation(
  feed: FeedInfo,
  appVersion: string | null,
  minAppVersion: string,
): FeedInfo {
  if (feed.stagingPercentage === undefined || appVersion === null) return feed
  if (compareVersions(appVersion, minAppVersion) >= 0) return feed
  const { stagingPercentage: _rollout, ...everyone } = feed
  return everyone
}

/** The feed leaves workstations below the minimum app version with nothing to update to. */
export function feedBelowMinimum(feed: FeedInfo, minAppVersion: string): boolean {
  return compareVersions(feed.version, minAppVersion) < 0
}
