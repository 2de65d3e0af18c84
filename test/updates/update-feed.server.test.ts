import { createHash, randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import yaml from 'js-yaml'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import type { FeedInfo } from '../../src-shared/updates/feed'
import {
  publishReleaseCommand,
  warnFeedsBelowMinimum,
} from '../../src-server/updates/publish-command'
import { publishRelease } from '../../src-server/updates/releases'
import { startTestServer, useTestDatabase, type RunningServer } from '../support/server'

const database = useTestDatabase()
const work = mkdtempSync(join(tmpdir(), 'energo-releases-'))
const releasesDir = join(work, 'releases')
const built = join(work, 'built')
let server: RunningServer

beforeAll(async () => {
  server = await startTestServer(database.db, { releasesDir, minAppVersion: '0.2.0' })
})
afterAll(async () => {
  await server.close()
  rmSync(work, { recursive: true, force: true })
})
afterEach(() => vi.restoreAllMocks())

/** An installer as a build would leave it: random bytes under its release name. */
function installer(name: string, bytes = 4096): { path: string; content: Buffer; sha512: string } {
  const content = randomBytes(bytes)
  const path = join(built, name)
  writeFileSync(path, content, { flag: 'w' })
  return { path, content, sha512: createHash('sha512').update(content).digest('base64') }
}

async function feedOf(channel: string, file: string, app?: string): Promise<FeedInfo> {
  const query = app ? `?app=${app}` : ''
  const response = await fetch(`${server.url}/updates/${channel}/${file}${query}`)
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toMatch(/yaml/)
  return yaml.load(await response.text()) as FeedInfo
}

describe('update feed on the central server', () => {
  beforeAll(() => {
    rmSync(built, { recursive: true, force: true })
    mkdirSync(built, { recursive: true })
  })

  it('publishes a Windows installer: the feed names it with its SHA-512 and serves the file', async () => {
    const setup = installer('energo-office-setup-0.3.0.exe')
    const published = await publishRelease({
      releasesDir,
      channel: 'stable',
      file: setup.path,
      version: '0.3.0',
      releaseNotes: 'Квитанции печатаются быстрее.',
      now: new Date('2026-11-20T09:00:00Z'),
    })
    expect(published.feedFile).toBe('latest.yml')
    const feed = await feedOf('stable', 'latest.yml')
    expect(feed).toEqual({
      version: '0.3.0',
      files: [{ url: 'energo-office-setup-0.3.0.exe', sha512: setup.sha512, size: 4096 }],
      path: 'energo-office-setup-0.3.0.exe',
      sha512: setup.sha512,
      releaseDate: '2026-11-20T09:00:00.000Z',
      releaseNotes: 'Квитанции печатаются быстрее.',
    })
    const file = await fetch(`${server.url}/updates/stable/energo-office-setup-0.3.0.exe`)
    expect(file.status).toBe(200)
    expect(Buffer.from(await file.arrayBuffer()).equals(setup.content)).toBe(true)
    // The other channel has nothing yet.
    expect((await fetch(`${server.url}/updates/pilot/latest.yml`)).status).toBe(404)
  })

  it('refuses a file whose SHA-512 is not the announced one and publishes nothing', async () => {
    const setup = installer('energo-office-setup-0.4.0.exe')
    const wrong = createHash('sha512').update('something else').digest('hex')
    await expect(
      publishRelease({
        releasesDir,
        channel: 'pilot',
        file: setup.path,
        version: '0.4.0',
        sha512: wrong,
      }),
    ).rejects.toThrow(/SHA-512/)
    expect(existsSync(join(releasesDir, 'pilot', 'energo-office-setup-0.4.0.exe'))).toBe(false)
    expect((await fetch(`${server.url}/updates/pilot/latest.yml`)).status).toBe(404)

    // The same digest in hex, as `sha512sum` prints it, is taken.
    const hex = Buffer.from(setup.sha512, 'base64').toString('hex')
    await publishRelease({
      releasesDir,
      channel: 'pilot',
      file: setup.path,
      version: '0.4.0',
      sha512: hex,
    })
    expect((await feedOf('pilot', 'latest.yml')).sha512).toBe(setup.sha512)
  })

  it('checks the file against the digest electron-builder wrote beside it', async () => {
    const setup = installer('energo-office-setup-0.5.0.exe')
    const beside = {
      version: '0.5.0',
      files: [{ url: 'energo-office-setup-0.5.0.exe', sha512: 'AAAA', size: 4096 }],
    }
    writeFileSync(join(built, 'latest.yml'), yaml.dump(beside))
    await expect(
      publishRelease({ releasesDir, channel: 'stable', file: setup.path, version: '0.5.0' }),
    ).rejects.toThrow(/SHA-512/)
    beside.files[0]!.sha512 = setup.sha512
    writeFileSync(join(built, 'latest.yml'), yaml.dump(beside))
    await publishRelease({ releasesDir, channel: 'stable', file: setup.path, version: '0.5.0' })
    expect((await feedOf('stable', 'latest.yml')).version).toBe('0.5.0')
    rmSync(join(built, 'latest.yml'))
  })

  it('names the AppImage and the deb of one version in latest-linux.yml; a newer one replaces them', async () => {
    const appImage = installer('energo-office-0.3.0-x86_64.AppImage')
    const deb = installer('energo-office-0.3.0-amd64.deb')
    for (const file of [appImage, deb])
      await publishRelease({ releasesDir, channel: 'stable', file: file.path, version: '0.3.0' })
    const feed = await feedOf('stable', 'latest-linux.yml')
    expect(feed.files.map((f) => [f.url, f.sha512])).toEqual([
      ['energo-office-0.3.0-x86_64.AppImage', appImage.sha512],
      ['energo-office-0.3.0-amd64.deb', deb.sha512],
    ])
    const newer = installer('energo-office-0.3.1-amd64.deb')
    await publishRelease({ releasesDir, channel: 'stable', file: newer.path, version: '0.3.1' })
    const replaced = await feedOf('stable', 'latest-linux.yml')
    expect(replaced.version).toBe('0.3.1')
    expect(replaced.files.map((f) => f.url)).toEqual(['energo-office-0.3.1-amd64.deb'])
  })

  it("stages a rollout, except for workstations below the server's minimum app version", async () => {
    const setup = installer('energo-office-setup-0.6.0.exe')
    await publishRelease({
      releasesDir,
      channel: 'pilot',
      file: setup.path,
      version: '0.6.0',
      rollout: 25,
    })
    expect((await feedOf('pilot', 'latest.yml', '0.2.0')).stagingPercentage).toBe(25)
    expect((await feedOf('pilot', 'latest.yml')).stagingPercentage).toBe(25)
    // 0.1.0 cannot sync with this server (minimum 0.2.0): it is offered the release now.
    expect((await feedOf('pilot', 'latest.yml', '0.1.0')).stagingPercentage).toBeUndefined()
    await expect(
      publishRelease({
        releasesDir,
        channel: 'pilot',
        file: setup.path,
        version: '0.6.0',
        rollout: 0,
      }),
    ).rejects.toThrow(/--rollout/)
  })

  it('serves nothing outside the release folders', async () => {
    for (const path of [
      '/updates/beta/latest.yml',
      '/updates/stable/..%2F..%2Fetc%2Fpasswd',
      '/updates/stable/.hidden',
      '/updates/stable/missing.exe',
      '/updates/stable/energo-office-setup-0.3.0.exe.partial',
    ]) {
      expect((await fetch(`${server.url}${path}`)).status, path).toBe(404)
    }
  })

  it('the admin command refuses an unknown channel and a wrong digest with one line', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
    const setup = installer('energo-office-setup-0.7.0.exe')
    const args = { releasesDir, file: setup.path, version: '0.7.0' }
    expect(await publishReleaseCommand({ ...args, channel: 'beta' })).toBe(2)
    expect(await publishReleaseCommand({ ...args, channel: 'stable', sha512: 'AAAA' })).toBe(1)
    expect(errors.mock.calls.map((call) => String(call[0]))).toEqual([
      expect.stringContaining('stable, pilot'),
      expect.stringContaining('SHA-512'),
    ])
    vi.spyOn(console, 'log').mockImplementation(() => {})
    expect(await publishReleaseCommand({ ...args, channel: 'stable', rollout: '50' })).toBe(0)
    expect(readFileSync(join(releasesDir, 'stable', 'latest.yml'), 'utf8')).toContain(
      'stagingPercentage: 50',
    )
  })

  it('warns at start when a feed is older than the minimum app version', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    expect(await warnFeedsBelowMinimum(releasesDir, '0.2.0')).toEqual([])
    const warnings = await warnFeedsBelowMinimum(releasesDir, '0.6.5')
    // stable: 0.7.0 (Windows) is new enough, 0.3.1 (Linux) is not; pilot: 0.6.0 is not.
    expect(warnings).toHaveLength(2)
    expect(warnings.join('\n')).toMatch(/stable \(latest-linux\.yml\) версия 0\.3\.1/)
    expect(warnings.join('\n')).toMatch(/pilot \(latest\.yml\) версия 0\.6\.0/)
  })
})
