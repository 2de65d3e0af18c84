/**
 * GET /updates/<channel>/<file>: electron-updater's generic feed (latest.yml, latest-linux.yml)
 * and the installers it names, from the releases folder `publish-release` fills. Public like the
 * installers themselves: each file is checked by the updater against the feed's SHA-512.
 */
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import yaml from 'js-yaml'
import {
  feedForWorkstation,
  isReleaseFileName,
  isReleaseChannel,
  type FeedFile,
} from '../../src-shared/updates/feed'
import { channelDir, readFeed } from '../updates/releases'

export interface UpdateFeedOptions {
  releasesDir: string
  /** The server's minimum app version: workstations below it are offered the release at once. */
  minAppVersion: string
}

const feedFiles: readonly string[] = ['latest.yml', 'latest-linux.yml'] satisfies FeedFile[]

export function registerUpdateFeed(app: FastifyInstance, options: UpdateFeedOptions): void {
  app.get<{ Params: { channel: string; file: string }; Querystring: { app?: string } }>(
    '/updates/:channel/:file',
    async (req, reply) => {
      const { channel, file } = req.params
      if (!isReleaseChannel(channel) || !isReleaseFileName(file) || file.endsWith('.partial'))
        return reply.code(404).send({ code: 'not_found' })
      reply.header('cache-control', 'no-store')
      if (feedFiles.includes(file)) {
        const feed = await readFeed(options.releasesDir, channel, file as FeedFile)
        if (!feed) return reply.code(404).send({ code: 'not_found' })
        const offered = feedForWorkstation(feed, req.query.app ?? null, options.minAppVersion)
        return reply.type('text/yaml; charset=utf-8').send(yaml.dump(offered, { lineWidth: -1 }))
      }
      const path = join(channelDir(options.releasesDir, channel), file)
      const size = await stat(path).then(
        (s) => (s.isFile() ? s.size : null),
        () => null,
      )
      if (size === null) return reply.code(404).send({ code: 'not_found' })
      return reply
        .type('application/octet-stream')
        .header('content-length', size)
        .send(createReadStream(path))
    },
  )
}
