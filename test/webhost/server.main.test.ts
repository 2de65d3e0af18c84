import { mkdirSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { connect } from 'node:net'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startWebHost, type WebHost } from '../../src-main/webhost/server'
import { tempApp, testOperators, type TempApp } from '../support/temp-app'

let t: TempApp
let host: WebHost

beforeAll(async () => {
  t = tempApp()
  const rendererDir = join(t.dir, 'renderer')
  mkdirSync(join(rendererDir, 'assets'), { recursive: true })
  writeFileSync(
    join(rendererDir, 'index.html'),
    '<html><head><title>x</title></head><body></body></html>',
  )
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)')
  host = await startWebHost({ dispatch: t.app.dispatch, rendererDir })
})
afterAll(async () => {
  await host.close()
  t.cleanup()
})

const api = (channel: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(new URL(`/api/${channel}`, host.url), {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-api-token': host.token,
      'x-client-id': 'tab-12345678',
      ...headers,
    },
    body: JSON.stringify(body),
  })

describe('the web dev host', () => {
  it('serves the renderer with the per-run token and a strict CSP', async () => {
    const res = await fetch(host.url)
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'")
    expect(await res.text()).toContain(`<meta name="energo-api-token" content="${host.token}">`)
    const asset = await fetch(new URL('/assets/app.js', host.url))
    expect(asset.status).toBe(200)
  })

  it('answers the contract with the same handlers as the app', async () => {
    const op = testOperators[0]
    const login = await api('session.login', { login: op.login, password: op.password })
    expect(await login.json()).toMatchObject({ ok: true, value: { fullName: op.fullName } })
    const search = await api('accounts.search', { query: 'нет такого' })
    expect(await search.json()).toEqual({ ok: true, value: { hits: [], more: false } })
    const other = await api('session.current', {}, { 'x-client-id': 'other-tab-123' })
    expect(await other.json()).toEqual({ ok: true, value: null })
  })

  it('refuses calls without the token, from a foreign Host, or with bad JSON', async () => {
    const noToken = await api('session.current', {}, { 'x-api-token': 'guess' })
    expect(noToken.status).toBe(403)
    const port = new URL(host.url).port
    // fetch cannot forge Host; a DNS-rebinding page's requests carry the attacker's host name.
    const rebindingStatus = await new Promise<number | undefined>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path: '/api/session.current',
          method: 'POST',
          headers: {
            host: `evil.example:${port}`,
            'x-api-token': host.token,
            'x-client-id': 'tab-12345678',
          },
        },
        (res) => {
          res.resume()
          resolve(res.statusCode)
        },
      )
      req.once('error', reject)
      req.end()
    })
    expect(rebindingStatus).toBe(421)
    const bad = await fetch(new URL('/api/session.login', host.url), {
      method: 'POST',
      headers: { 'x-api-token': host.token, 'x-client-id': 'tab-12345678' },
      body: '{oops',
    })
    expect(await bad.json()).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    const unknown = await api('nothing.here', {})
    expect(await unknown.json()).toMatchObject({ ok: false, error: { code: 'unknown_channel' } })
  })
})

/** Writes raw bytes to the host and reads whatever comes back until it closes. */
function raw(bytes: string): Promise<string> {
  const { port } = new URL(host.url)
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => socket.end(bytes))
    let answer = ''
    socket.setEncoding('utf8')
    socket.on('data', (chunk: string) => (answer += chunk))
    socket.on('end', () => resolve(answer))
    socket.on('error', reject)
  })
}

function bodyOf(answer: string): unknown {
  return JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))
}

describe('the web dev host on raw requests', () => {
  const hostHeader = () => `Host: 127.0.0.1:${new URL(host.url).port}`

  it.each([
    ['an absolute target it cannot read', `GET http://[ HTTP/1.1\r\n${'Host: x'}\r\n\r\n`],
    ['an absolute target on its own host', `GET http://[ HTTP/1.1\r\nHOST\r\n\r\n`],
    [
      'a broken percent escape',
      `POST /api/%E0%A4%A HTTP/1.1\r\nHOST\r\nx-api-token: TOKEN\r\nx-client-id: tab-12345678\r\nContent-Length: 2\r\n\r\n{}`,
    ],
    ['a path of broken escapes', `GET /%E0%A4%A/%ZZ HTTP/1.1\r\nHOST\r\n\r\n`],
    ['no HTTP at all', '\u0000\u0001garbage\r\n\r\n'],
    ['a header without a colon', 'GET / HTTP/1.1\r\nnonsense\r\n\r\n'],
  ])('answers %s with the contract error shape and keeps serving', async (_case, request) => {
    const answer = await raw(
      request
        .replace('HOST', hostHeader())
        .replace('TOKEN', host.token)
        .replace('\r\n\r\n', '\r\nConnection: close\r\n\r\n'),
    )
    expect(answer).toMatch(/^HTTP\/1\.1 4\d\d /)
    expect(bodyOf(answer)).toMatchObject({ ok: false, error: { code: expect.any(String) } })
    const alive = await api('session.current', {})
    expect(alive.status).toBe(200)
  })

  it('answers a missing file in the contract shape, not as text', async () => {
    const res = await fetch(new URL('/assets/none.js', host.url))
    expect(res.status).toBe(404)
    expect(await res.json()).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'Не найдено.' },
    })
  })
})
