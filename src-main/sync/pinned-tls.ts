import { createHash, X509Certificate } from 'node:crypto'
import type { TLSSocket } from 'node:tls'
import { Agent, buildConnector, type Dispatcher } from 'undici'
import { isLoopbackHost } from '../../src-shared/sync/server-address'

/** The server's certificate was not the pinned one: nothing was sent to it. */
export class ServerCertificateMismatch extends Error {
  constructor(readonly presented: string) {
    super(
      'Адрес сервера: по этому адресу отвечает другой сервер — его сертификат не совпадает с сертификатом центрального сервера. Данные рабочего места ему не переданы.',
    )
  }
}

/** A certificate's pin as the workstation keeps it: SHA-256 of its DER bytes, lower-case hex. */
export function fingerprintOfPem(pem: string): string {
  return createHash('sha256').update(new X509Certificate(pem).raw).digest('hex')
}

/** An address this workstation may not talk to (plain http across a network). */
export class InsecureServerAddress extends Error {}

/**
 * A connection pool that takes an https server only if its certificate passes `accepts` (its
 * SHA-256, lower-case hex), checked right after the TLS handshake, before a byte of a request is
 * written: credentials never reach another server. No CA is asked: the central server's
 * certificate is self-signed and pinned. No TLS session is resumed, so every connection shows
 * its certificate.
 */
export function pinnedAgent(accepts: (fingerprint: string) => boolean): Agent {
  const connect = buildConnector({ rejectUnauthorized: false, maxCachedSessions: 0 })
  return new Agent({
    connect: (options, callback) =>
      connect(options, (error, socket) => {
        if (error) return callback(error, null)
        if (options.protocol === 'https:') {
          const raw = (socket as TLSSocket).getPeerCertificate().raw
          const fingerprint = raw ? createHash('sha256').update(raw).digest('hex') : ''
          if (!accepts(fingerprint)) {
            socket.destroy()
            return callback(new ServerCertificateMismatch(fingerprint), null)
          }
        }
        return callback(null, socket)
      }),
  })
}

const agents = new Map<string, Agent>()

/**
 * How requests reach the server at `serverUrl`: https only to the pinned certificate; plain
 * http only on this computer (development, tests), through undici's default pool.
 */
export function dispatcherFor(serverUrl: string, pinned: string | null): Dispatcher | undefined {
  const url = new URL(serverUrl)
  if (url.protocol === 'http:') {
    if (!isLoopbackHost(url.hostname)) {
      throw new InsecureServerAddress(
        'Адрес сервера: без шифрования (http://) — только на этом компьютере; сервер в сети — по https://.',
      )
    }
    return undefined
  }
  if (!pinned) {
    throw new InsecureServerAddress(
      'Адрес сервера: сертификат сервера не закреплен за рабочим местом — зарегистрируйте его заново кодом с отпечатком сервера.',
    )
  }
  let agent = agents.get(pinned)
  if (!agent) {
    agent = pinnedAgent((fingerprint) => fingerprint === pinned)
    agents.set(pinned, agent)
  }
  return agent
}
