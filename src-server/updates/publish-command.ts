// `npm run server -- publish-release ...` and the start-up check that the feeds can lift every
// workstation the server refuses to sync.
import { feedBelowMinimum, isReleaseChannel, releaseChannels } from '../../src-shared/updates/feed'
import { publishRelease, readFeed, ReleaseError } from './releases'

export interface PublishArgs {
  releasesDir: string
  file: string
  version: string
  channel: string
  rollout?: string
  notes?: string
  sha512?: string
}

/** Publishes one installer; prints what the workstations will see. Returns the exit code. */
export async function publishReleaseCommand(args: PublishArgs): Promise<number> {
  if (!isReleaseChannel(args.channel)) {
    console.error(`Канал (--channel): один из ${releaseChannels.join(', ')}.`)
    return 2
  }
  try {
    const published = await publishRelease({
      releasesDir: args.releasesDir,
      channel: args.channel,
      file: args.file,
      version: args.version,
      rollout: args.rollout === undefined ? undefined : Number(args.rollout),
      releaseNotes: args.notes,
      sha512: args.sha512,
    })
    const { feed } = published
    const share = feed.stagingPercentage ?? 100
    console.log(
      `Опубликована версия ${feed.version} в канале ${published.channel} (${published.feedFile}): ` +
        `${feed.path}, SHA-512 ${feed.sha512}, ${share}% рабочих мест.`,
    )
    return 0
  } catch (error) {
    if (!(error instanceof ReleaseError)) throw error
    console.error(error.message)
    return 1
  }
}

/**
 * A feed older than the minimum app version would leave workstations that cannot sync without
 * an update to take: say so when the server starts.
 */
export async function warnFeedsBelowMinimum(
  releasesDir: string,
  minAppVersion: string | undefined,
): Promise<string[]> {
  const warnings: string[] = []
  if (!minAppVersion) return warnings
  for (const channel of releaseChannels) {
    for (const feedFile of ['latest.yml', 'latest-linux.yml'] as const) {
      const feed = await readFeed(releasesDir, channel, feedFile)
      if (feed && feedBelowMinimum(feed, minAppVersion))
        warnings.push(
          `Внимание: в канале ${channel} (${feedFile}) версия ${feed.version} старше минимальной ${minAppVersion}: ` +
            `рабочим местам, которым отказано в синхронизации, нечем обновиться.`,
        )
    }
  }
  for (const warning of warnings) console.warn(warning)
  return warnings
}
