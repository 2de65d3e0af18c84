/**
 * Releases the central server hands to workstations: `<releases dir>/<channel>/` holds the
 * installers and the feed files electron-updater reads. Publishing copies an installer in,
 * checks it by its SHA-512 and writes the feed last, so a workstation never sees a feed
 * naming a file that is not complete.
 */
import { createHash } from 'node:crypto'
import { createReadStream, existsSync } from 'node:fs'
import { copyFile, mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import yaml from 'js-yaml'
import {
  feedFileFor,
  isReleaseFileName,
  type FeedFile,
  type FeedInfo,
  type ReleaseChannel,
} from '../../src-shared/updates/feed'

export class ReleaseError extends Error {}

/** base64 of the SHA-512 digest, as electron-builder and electron-updater write it. */
export async function sha512Of(file: string): Promise<string> {
  const hash = createHash('sha512')
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer)
  return hash.digest('base64')
}

export function channelDir(releasesDir: string, channel: ReleaseChannel): string {
  return join(releasesDir, channel)
}

export async function readFeed(
  releasesDir: string,
  channel: ReleaseChannel,
  feedFile: FeedFile,
): Promise<FeedInfo | null> {
  const file = join(channelDir(releasesDir, channel), feedFile)
  if (!existsSync(file)) return null
  return yaml.load(await readFile(file, 'utf8')) as FeedInfo
}

/**
 * The digest electron-builder wrote for this installer into the feed file next to it, if it
 * made one (it does when a release is built with a publish setting).
 */
async function builderDigest(installer: string, feedFile: FeedFile): Promise<string | null> {
  const beside = join(dirname(installer), feedFile)
  if (!existsSync(beside)) return null
  const feed = yaml.load(await readFile(beside, 'utf8')) as Partial<FeedInfo> | null
  const entry = feed?.files?.find((f) => f.url === basename(installer))
  return entry?.sha512 ?? null
}

export interface PublishOptions {
  releasesDir: string
  channel: ReleaseChannel
  file: string
  version: string
  /** Staged rollout, 1..100; without it every workstation is offered the release. */
  rollout?: number
  releaseNotes?: string
  /** The digest the release was announced with (base64 or hex); the file must match it. */
  sha512?: string
  now?: Date
}

export interface Published {
  channel: ReleaseChannel
  feedFile: FeedFile
  feed: FeedInfo
}

function sameDigest(expected: string, actualBase64: string): boolean {
  const hex = Buffer.from(actualBase64, 'base64').toString('hex')
  return expected === actualBase64 || expected.toLowerCase() === hex
}

export async function publishRelease(options: PublishOptions): Promise<Published> {
  const name = basename(options.file)
  const feedFile = feedFileFor(name)
  if (!feedFile) throw new ReleaseError(`${name}: нужен установщик .exe, .AppImage или .deb`)
  if (!isReleaseFileName(name)) throw new ReleaseError(`${name}: недопустимое имя файла`)
  if (!/^\d+\.\d+\.\d+([-+][0-9A-Za-z.-]+)?$/.test(options.version))
    throw new ReleaseError(`Версия ${options.version}: нужна вида 1.2.3`)
  const rollout = options.rollout
  if (rollout !== undefined && !(Number.isInteger(rollout) && rollout >= 1 && rollout <= 100))
    throw new ReleaseError('Доля рабочих мест (--rollout): целое число от 1 до 100')
  if (!existsSync(options.file)) throw new ReleaseError(`Файл ${options.file} не найден`)

  const sha512 = await sha512Of(options.file)
  const announced = options.sha512 ?? (await builderDigest(options.file, feedFile))
  if (announced !== null && !sameDigest(announced, sha512))
    throw new ReleaseError(`${name}: SHA-512 файла не совпадает с заявленным; файл не опубликован`)

  const dir = channelDir(options.releasesDir, options.channel)
  await mkdir(dir, { recursive: true })
  const target = join(dir, name)
  const partial = `${target}.partial`
  await copyFile(options.file, partial)
  // The copy is checked too: a full disk or a flaky share must not reach the workstations.
  if ((await sha512Of(partial)) !== sha512)
    throw new ReleaseError(`${name}: копия на сервере повреждена; файл не опубликован`)
  await rename(partial, target)
  const { size } = await stat(target)

  // One version per feed: a Linux feed names the AppImage and the deb of the same version.
  const previous = await readFeed(options.releasesDir, options.channel, feedFile)
  const kept =
    previous?.version === options.version ? previous.files.filter((f) => f.url !== name) : []
  const feed: FeedInfo = {
    version: options.version,
    files: [...kept, { url: name, sha512, size }],
    path: name,
    sha512,
    releaseDate: (options.now ?? new Date()).toISOString(),
    ...(options.releaseNotes ? { releaseNotes: options.releaseNotes } : {}),
    ...(rollout !== undefined && rollout < 100 ? { stagingPercentage: rollout } : {}),
  }
  const feedPath = join(dir, feedFile)
  await writeFile(`${feedPath}.partial`, yaml.dump(feed, { lineWidth: -1 }))
  await rename(`${feedPath}.partial`, feedPath)
  return { channel: options.channel, feedFile, feed }
}
