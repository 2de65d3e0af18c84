import { describe, expect, it } from 'vitest'
import {
  feedBelowMinimum,
  feedFileFor,
  feedForWorkstation,
  feedUrl,
  isReleaseChannel,
  isReleaseFileName,
  type FeedInfo,
} from '../../src-shared/updates/feed'

describe('update feed rules', () => {
  it.each([
    ['energo-office-setup-1.2.0.exe', 'latest.yml'],
    ['ENERGO.EXE', 'latest.yml'],
    ['energo-office-1.2.0-x86_64.AppImage', 'latest-linux.yml'],
    ['energo-office-1.2.0-amd64.deb', 'latest-linux.yml'],
    ['energo-office-1.2.0.zip', null],
    ['latest.yml', null],
  ])('%s is named by %s', (file, feed) => {
    expect(feedFileFor(file)).toBe(feed)
  })

  it.each(['energo-office-setup-1.2.0.exe', 'latest-linux.yml'])('%j is a release file', (name) => {
    expect(isReleaseFileName(name)).toBe(true)
  })

  it.each(['../secret', 'a/b.exe', '.hidden', 'a..exe', ''])('%j is no release file', (name) => {
    expect(isReleaseFileName(name)).toBe(false)
  })

  it.each(['stable', 'pilot'])('channel %j is known', (name) => {
    expect(isReleaseChannel(name)).toBe(true)
  })

  it.each(['beta', undefined])('channel %j is unknown', (name) => {
    expect(isReleaseChannel(name)).toBe(false)
  })

  it.each([
    ['http://10.0.0.5:5190', 'http://10.0.0.5:5190/updates/stable/?app=0.1.0'],
    ['https://sync.example.ru/', 'https://sync.example.ru/updates/stable/?app=0.1.0'],
  ])('the feed of %s is %s', (server, url) => {
    expect(feedUrl(server, 'stable', '0.1.0')).toBe(url)
  })

  const staged: FeedInfo = {
    version: '0.3.0',
    files: [{ url: 'a.exe', sha512: 'x', size: 1 }],
    path: 'a.exe',
    sha512: 'x',
    releaseDate: '2026-11-20T09:00:00.000Z',
    stagingPercentage: 10,
  }

  it.each([
    // [app, minimum, rollout kept]
    ['0.1.0', '0.2.0', false],
    ['0.2.0', '0.2.0', true],
    ['0.2.5', '0.2.0', true],
    [null, '0.2.0', true],
  ])('a workstation on %s with minimum %s keeps the rollout: %s', (app, min, kept) => {
    const offered = feedForWorkstation(staged, app, min)
    expect(offered.stagingPercentage).toBe(kept ? 10 : undefined)
    expect(offered.version).toBe('0.3.0')
  })

  it.each([
    ['0.3.0', '0.2.0', false],
    ['0.3.0', '0.3.0', false],
    ['0.3.0', '0.4.0', true],
  ])('a feed on %s with minimum %s leaves workstations stranded: %s', (version, min, below) => {
    expect(feedBelowMinimum({ ...staged, version }, min)).toBe(below)
  })
})
