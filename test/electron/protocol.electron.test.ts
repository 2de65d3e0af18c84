import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { registerAppProtocol, registerAppScheme } from '../../src-main/electron/protocol'
import { net, protocol, resetFakeElectron } from './support/fake-electron'

vi.mock('electron', () => import('./support/fake-electron'))

const csp =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; " +
  "form-action 'none'; frame-ancestors 'none'"

let temp: string
let root: string

beforeAll(() => {
  temp = mkdtempSync(join(tmpdir(), 'energo-protocol-'))
  root = join(temp, 'renderer')
  mkdirSync(join(root, 'assets'), { recursive: true })
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>ok</title>')
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)')
  writeFileSync(join(root, 'assets', 'app.css'), 'body{}')
  // A file next to the root: a traversal would reach it with "../secret.txt".
  writeFileSync(join(temp, 'secret.txt'), 'secret')
})

afterAll(() => rmSync(temp, { recursive: true, force: true }))

function handler(): (request: Request) => Promise<Response> {
  registerAppProtocol(root)
  expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function))
  return protocol.handlers.get('app')!
}

const get = (url: string) => handler()(new Request(url))

/** Every file the handler read must lie under the renderer root. */
function expectOnlyRootRead(): void {
  for (const [url] of net.fetch.mock.calls) {
    expect(fileURLToPath(url).startsWith(root)).toBe(true)
  }
}

describe('app:// protocol', () => {
  beforeEach(() => {
    resetFakeElectron()
    vi.spyOn(console, 'error').mockImplementation(() => {})
  })

  it('registers app as a standard, secure, fetch-capable scheme', () => {
    registerAppScheme()
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      {
        scheme: 'app',
        privileges: expect.objectContaining({
          standard: true,
          secure: true,
          supportFetchAPI: true,
        }),
      },
    ])
  })

  it('serves index.html with the CSP header and an HTML type', async () => {
    const response = await get('app://renderer/index.html')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-security-policy')).toBe(csp)
    expect(response.headers.get('content-type')).toMatch(/^text\/html/)
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await response.text()).toContain('<title>ok</title>')
  })

  it('serves index.html for the bare origin and assets with their types', async () => {
    expect(await (await get('app://renderer/')).text()).toContain('<title>ok</title>')
    const js = await get('app://renderer/assets/app.js')
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/)
    expect(js.headers.get('content-security-policy')).toBe(csp)
    const css = await get('app://renderer/assets/app.css')
    expect(css.headers.get('content-type')).toMatch(/^text\/css/)
  })

  it('keeps the type Chromium gives', async () => {
    net.fetch.mockResolvedValueOnce(
      new Response('x', { headers: { 'content-type': 'application/wasm' } }),
    )
    const response = await get('app://renderer/assets/app.js')
    expect(response.headers.get('content-type')).toBe('application/wasm')
  })

  it.each([
    'app://renderer/../../etc/passwd',
    'app://renderer/../secret.txt',
    'app://renderer/%2e%2e/secret.txt',
    'app://renderer/..%2Fsecret.txt',
    'app://renderer/..%2f..%2f..%2fetc%2fpasswd',
    'app://renderer/assets/..%2F..%2Fsecret.txt',
    'app://renderer/..%5Csecret.txt',
    'app://renderer/index.html%00.js',
    'app://renderer/%E0%A4%A',
    'app://other/index.html',
  ])('refuses %s', async (url) => {
    const response = await get(url)
    expect([403, 404]).toContain(response.status)
    expect(await response.text()).not.toContain('secret')
    expectOnlyRootRead()
  })

  it('answers 404 for a missing file or a folder, 405 for a write', async () => {
    expect((await get('app://renderer/nope.js')).status).toBe(404)
    expect((await get('app://renderer/assets')).status).toBe(404)
    const post = await handler()(new Request('app://renderer/index.html', { method: 'POST' }))
    expect(post.status).toBe(405)
    expect(net.fetch).not.toHaveBeenCalled()
  })
})
