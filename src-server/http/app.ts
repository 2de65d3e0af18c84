import rateLimit from '@fastify/rate-limit'
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify'
import type { z } from 'zod'
import { syncMessages } from '../../src-shared/sync/messages'
import {
  claimRequestSchema,
  operatorCheckSchema,
  operatorLogoutSchema,
  clientVersionsSchema,
  pullRequestSchema,
  pushRequestSchema,
  OLDEST_PULL_PROTOCOL,
  OLDEST_PUSH_PROTOCOL,
  OPERATOR_SESSION_ENDED,
  OPERATOR_SESSION_HEADER,
  OPERATOR_TOKEN_HEADER,
  SYNC_PROTOCOL_VERSION,
  type ClientVersions,
  type OperatorCheckAnswer,
  type PushedCommand,
  type UpdateRequiredAnswer,
} from '../../src-shared/sync/protocol'
import { serverRoutes } from '../../src-shared/sync/routes'
import {
  defaultRateLimits,
  rateLimitMessages,
  type RateLimit,
  type RateLimits,
} from '../../src-shared/sync/rate-limits'
import { compareVersions } from '../../src-shared/sync/versions'
import type { ServerDb } from '../db/connection'
import { pullPageJson, verifyDigests } from '../sync/pull'
import { PushGroups } from '../sync/push-group'
import { RecentRows } from '../sync/recent-rows'
import { registerUpdateFeed } from './update-feed'
import { readAttachmentFile, storeAttachmentFile } from '../attachments/attachment-files'
import { attachmentLimits, attachmentMessages } from '../../src-shared/attachments/content'
import { authenticateWithSession, type WorkstationIdentity } from '../workstation/credentials'
import { centralReportRequestSchema } from '../../src-shared/reports/central'
import { answerCentralReport } from '../reports/central-http'
import { billingRunRequestSchema } from '../../src-shared/billing/contract'
import { BillingJobs } from '../billing/jobs'
import { claimRegistrationCode } from '../workstation/registration-codes'
import { operatorWithPassword } from '../operators/check'
import {
  issueOperatorSession,
  operatorOfSession,
  revokeOperatorSession,
} from '../operators/sessions'

export interface ServerAppOptions {
  db: ServerDb
  /** Oldest app that may pull; older ones still push payments and readings. */
  minAppVersion?: string
  /** Where `publish-release` puts the installers and update feeds; no feed without it. */
  releasesDir?: string
  /** Test hook: runs inside each pushed command's transaction just before it commits. */
  beforeCommit?: (command: PushedCommand) => Promise<void>
  logger?: boolean
  /** The server's certificate and key (PEM): the server speaks HTTPS. Without: plain HTTP. */
  tls?: { cert: string; key: string }
  /** Tests set tighter bounds; the server runs with defaultRateLimits. */
  rateLimits?: Partial<RateLimits>
}

/**
 * The central server's HTTP face: stateless, every answer from the database (only a period close
 * started from a screen keeps its progress in this process: see BillingJobs).
 */
export async function buildServerApp(options: ServerAppOptions): Promise<FastifyInstance> {
  const { db } = options
  const minApp = options.minAppVersion ?? '0.0.0'
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 32 * 1024 * 1024,
    ...(options.tls ? { https: options.tls } : {}),
  }) as unknown as FastifyInstance
  const recent = new RecentRows()
  // A branch's pushes that arrive together commit together (one WAL flush, not one each).
  const pushes = new PushGroups(db)
  const limits = { ...defaultRateLimits, ...options.rateLimits }
  // Per route, in memory: one server process holds every workstation's counters.
  await app.register(rateLimit, { global: false })
  /** A route's bound: `key` is who is counted (the client's address unless given). */
  const bounded = (
    limit: RateLimit,
    message: (seconds: number) => string,
    key?: (req: FastifyRequest) => string,
  ) => ({
    config: {
      rateLimit: {
        max: limit.max,
        timeWindow: limit.windowMs,
        ...(key ? { keyGenerator: key } : {}),
        errorResponseBuilder: (_req: FastifyRequest, context: { ttl: number }) => ({
          statusCode: 429,
          code: 'rate_limited',
          message: message(Math.max(1, Math.ceil(context.ttl / 1000))),
        }),
      },
    },
  })
  /**
   * Who each request of a workstation route is, checked before its bound is counted (the route's
   * onRequest hook runs before the limiter's): a workstation whose secret verified is counted on
   * its own, anything else on the client's address, so naming another workstation's id uses up
   * only the sender's own budget.
   */
  const identities = new WeakMap<FastifyRequest, WorkstationIdentity | null>()
  /** The operator of the session token a request carries, read with its workstation. */
  const sessions = new WeakMap<FastifyRequest, string | null>()
  const identify = async (req: FastifyRequest) => {
    const token = req.headers[OPERATOR_TOKEN_HEADER]
    const known = await authenticateWithSession(
      db,
      req.headers['x-workstation-id'] as string | undefined,
      req.headers['x-workstation-secret'] as string | undefined,
      typeof token === 'string' && token !== '' ? token : undefined,
    )
    identities.set(req, known?.identity ?? null)
    if (known) sessions.set(req, known.sessionOperatorId)
  }
  const perWorkstation = (req: FastifyRequest) => {
    const ws = identities.get(req)
    return ws ? `ws:${ws.workstationId}` : `ip:${req.ip}`
  }
  /** A workstation route's options: identified first, then bounded per workstation. */
  const workstationRoute = (limit: RateLimit, message: (seconds: number) => string) => ({
    onRequest: identify,
    ...bounded(limit, message, perWorkstation),
  })

  const workstation = (req: FastifyRequest, reply: FastifyReply) => {
    const ws = identities.get(req) ?? null
    if (!ws) {
      void reply.code(401).send({ code: 'unauthorized', message: syncMessages.unauthorized })
      return null
    }
    return ws
  }
  const parse = <S extends z.ZodType>(schema: S, body: unknown, reply: FastifyReply) => {
    const parsed = schema.safeParse(body)
    if (parsed.success) return parsed.data as z.output<S>
    const message = syncMessages.invalidArgs(parsed.error.issues[0]?.message ?? '')
    void reply.code(400).send({ code: 'invalid_input', message })
    return null
  }
  /**
   * 426 for a protocol the server does not speak, or an app too old for `needsCurrentApp`; pushes
   * are taken from every protocol since the push shape last changed, pulls from the oldest whose
   * pages the server still writes.
   */
  const refuseOld = (versions: ClientVersions, reply: FastifyReply, needsCurrentApp: boolean) => {
    let answer: UpdateRequiredAnswer | null = null
    const oldest = needsCurrentApp ? OLDEST_PULL_PROTOCOL : OLDEST_PUSH_PROTOCOL
    if (versions.protocol < oldest || versions.protocol > SYNC_PROTOCOL_VERSION) {
      answer = {
        code: 'update_required',
        message: syncMessages.protocolUnsupported(versions.protocol),
      }
    } else if (needsCurrentApp && compareVersions(versions.app, minApp) < 0) {
      answer = { code: 'update_required', message: syncMessages.updateRequired(minApp) }
    }
    if (answer) void reply.code(426).send(answer)
    return answer !== null
  }
  const withWorkstation =
    (
      run: (ws: WorkstationIdentity, req: FastifyRequest, reply: FastifyReply) => Promise<unknown>,
    ) =>
    async (req: FastifyRequest, reply: FastifyReply) => {
      if (!identities.has(req)) await identify(req)
      const ws = workstation(req, reply)
      if (!ws) return reply
      return run(ws, req, reply)
    }

  /**
   * The operator whose session token the request carries, or null. A token that no longer stands
   * never refuses the sync (payments taken offline must go up): the answer only says the session
   * ended, and the workstation logs the operator out.
   */
  const sessionOperator = async (
    ws: WorkstationIdentity,
    req: FastifyRequest,
    reply: FastifyReply,
  ): Promise<string | null> => {
    const token = req.headers[OPERATOR_TOKEN_HEADER]
    if (typeof token !== 'string' || token === '') return null
    const read = sessions.get(req)
    const operatorId = read !== undefined ? read : await operatorOfSession(db, ws, token)
    if (!operatorId) void reply.header(OPERATOR_SESSION_HEADER, OPERATOR_SESSION_ENDED)
    return operatorId
  }

  app.get(serverRoutes.health, async () => ({ ok: true }))
  if (options.releasesDir)
    registerUpdateFeed(app, { releasesDir: options.releasesDir, minAppVersion: minApp })

  // The first-run wizard: no credentials yet, the one-time code stands for them.
  app.post(
    serverRoutes.claim,
    bounded(limits.claim, rateLimitMessages.claim),
    async (req, reply) => {
      const body = parse(claimRequestSchema, req.body, reply)
      if (!body || refuseOld(body.versions, reply, true)) return reply
      const answer = await claimRegistrationCode(db, body.code)
      if (!answer) {
        return reply
          .code(404)
          .send({ code: 'not_found', message: syncMessages.registrationCodeUnknown })
      }
      return answer
    },
  )

  app.post(
    serverRoutes.push,
    workstationRoute(limits.push, rateLimitMessages.sync),
    withWorkstation(async (ws, req, reply) => {
      const body = parse(pushRequestSchema, req.body, reply)
      if (!body || refuseOld(body.versions, reply, false)) return reply
      const outdated = compareVersions(body.versions.app, minApp) < 0
      const sessionOperatorId = await sessionOperator(ws, req, reply)
      return pushes.push(ws, body, {
        outdated,
        sessionOperatorId,
        beforeCommit: options.beforeCommit,
      })
    }),
  )

  app.post(
    serverRoutes.pull,
    workstationRoute(limits.pull, rateLimitMessages.sync),
    withWorkstation(async (ws, req, reply) => {
      const body = parse(pullRequestSchema, req.body, reply)
      if (!body || refuseOld(body.versions, reply, true)) return reply
      await sessionOperator(ws, req, reply)
      const page = await pullPageJson(
        db,
        ws.branchId,
        body.cursor,
        body.limit,
        body.table,
        recent,
        body.versions.protocol,
      )
      return reply.type('application/json').send(page)
    }),
  )

  // An operator logging in while the workstation is online: the server's password and active flag
  // decide, so a change made centrally takes effect before the workstation pulls it. A valid
  // login opens a session whose token the workstation's sync carries.
  app.post(
    serverRoutes.operatorCheck,
    workstationRoute(limits.operatorCheck, rateLimitMessages.operatorCheck),
    withWorkstation(async (ws, req, reply) => {
      const body = parse(operatorCheckSchema, req.body, reply)
      if (!body || refuseOld(body.versions, reply, false)) return reply
      const operator = await operatorWithPassword(db, ws.branchId, body.login, body.password)
      if (!operator) return { valid: false } satisfies OperatorCheckAnswer
      return {
        valid: true,
        ...(await issueOperatorSession(db, ws, operator)),
      } satisfies OperatorCheckAnswer
    }),
  )

  app.post(
    serverRoutes.operatorLogout,
    withWorkstation(async (ws, req, reply) => {
      const body = parse(operatorLogoutSchema, req.body, reply)
      if (!body || refuseOld(body.versions, reply, false)) return reply
      return { revoked: await revokeOperatorSession(db, ws, body.token) }
    }),
  )

  app.post(
    serverRoutes.verify,
    workstationRoute(limits.pull, rateLimitMessages.sync),
    withWorkstation(async (ws, req, reply) => {
      const versions = parse(
        clientVersionsSchema,
        (req.body as { versions?: unknown })?.versions,
        reply,
      )
      if (!versions || refuseOld(versions, reply, true)) return reply
      await sessionOperator(ws, req, reply)
      return verifyDigests(db, ws.branchId)
    }),
  )

  app.post(
    serverRoutes.centralReport,
    withWorkstation(async (ws, req, reply) => {
      const body = parse(centralReportRequestSchema, req.body, reply)
      if (!body || refuseOld(body.versions, reply, false)) return reply
      const answer = await answerCentralReport(db, ws, await sessionOperator(ws, req, reply), body)
      if (answer.ok) return answer.table
      return reply.code(answer.status).send({ code: 'forbidden', message: answer.message })
    }),
  )
  // Appeals' files: raw bytes under their hash, at most one attachment's size (plus a byte, so
  // a larger one is measured and refused with the clerk's message rather than cut).
  app.addContentTypeParser(
    'application/octet-stream',
    { parseAs: 'buffer', bodyLimit: attachmentLimits.maxBytes + 1 },
    (_req, body, done) => done(null, body),
  )
  app.put(
    `${serverRoutes.attachments}/:sha256`,
    {
      ...bounded(limits.push, rateLimitMessages.sync, perWorkstation),
      bodyLimit: attachmentLimits.maxBytes + 1,
    },
    withWorkstation(async (ws, req, reply) => {
      const { sha256 } = req.params as { sha256: string }
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0)
      const answer = await storeAttachmentFile(db, ws.branchId, sha256, body)
      if (!answer.ok) {
        return reply.code(answer.status).send({ code: 'invalid_input', message: answer.message })
      }
      return { stored: true, sha256: answer.sha256, size: answer.size }
    }),
  )
  app.get(
    `${serverRoutes.attachments}/:sha256`,
    bounded(limits.pull, rateLimitMessages.sync, perWorkstation),
    withWorkstation(async (ws, req, reply) => {
      const { sha256 } = req.params as { sha256: string }
      const bytes = await readAttachmentFile(db, ws.branchId, sha256)
      if (!bytes) {
        return reply.code(404).send({ code: 'not_found', message: attachmentMessages.notFound })
      }
      return reply.type('application/octet-stream').send(bytes)
    }),
  )
  const billing = new BillingJobs(db)
  const billingRoute = (start: boolean) =>
    withWorkstation(async (ws, req, reply) => {
      const body = parse(billingRunRequestSchema, req.body, reply)
      if (!body || refuseOld(body.versions, reply, false)) return reply
      const refused = await billing.authorize(await sessionOperator(ws, req, reply))
      if (refused && !refused.ok)
        return reply.code(refused.status).send({ code: 'forbidden', message: refused.message })
      // Always the workstation's own branch: an admin closes the period where they work.
      return start
        ? billing.start(ws.branchId, body.period)
        : billing.status(ws.branchId, body.period)
    })
  app.post(serverRoutes.billingRun, billingRoute(true))
  app.post(serverRoutes.billingStatus, billingRoute(false))
  return app
}
