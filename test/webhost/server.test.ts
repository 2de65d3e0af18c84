import { mkdirSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
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
