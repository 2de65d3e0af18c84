import { net, protocol } from 'electron'
import { stat } from 'node:fs/promises'
import { extname, isAbsolute, relative, resolve, sep } from 'node:path'
import { pathToFileURL } from 'node:url'
import { appHost, appScheme } from './origin'
import { rendererDir } from './paths'
import { contentSecurityPolicy } from '../../src-shared/api/content-security-policy'

/** Used only when Chromium's file loader gives no type; module scripts need a JS type. */
const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
}

/** Must run before app 'ready': a standard, secure scheme gets origins, fetch and storage. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ])
}

export function registerAppProtocol(root: string = rendererDir()): void {
  protocol.handle(appScheme, createAppProtocolHandler(root))
}

/**
 * The file under `root` that an app:// URL names, or null when the URL is not ours or would
 * leave `root` (after percent-decoding, so %2F and %5C cannot smuggle a "..").
 */
export function resolveAsset(root: string, url: string): string | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (parsed.protocol !== `${appScheme}:` || parsed.host !== appHost) return null
  let path: string
  try {
    path = decodeURIComponent(parsed.pathname)
  } catch {
    return null
  }
  if (path.includes('\0') || path.includes('\\')) return null
  if (path === '/' || path === '') path = '/index.html'
  const base = resolve(root)
  const file = resolve(base, `.${path}`)
  const rel = relative(base, file)
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return null
  return file
}

const plain = (status: number, text: string): Response =>
  new Response(text, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } })

/** Serves the built renderer's files, each with the CSP header; nothing outside `root`. */
export function createAppProtocolHandler(root: string): (request: Request) => Promise<Response> {
  return async (request) => {
    const method = request.method
    if (method !== 'GET' && method !== 'HEAD') return plain(405, 'Method Not Allowed')
    const file = resolveAsset(root, request.url)
    if (!file) return plain(403, 'Forbidden')
    const info = await stat(file).catch(() => null)
    if (!info?.isFile()) return plain(404, 'Not Found')
    let fetched: Response
    try {
      fetched = await net.fetch(pathToFileURL(file).toString())
    } catch (error) {
      console.error('[app protocol]', file, error)
      return plain(500, 'Internal Server Error')
    }
    // A fetched Response's headers are immutable, so copy them into a new one.
    const headers = new Headers(fetched.headers)
    const fallbackType = mimeTypes[extname(file).toLowerCase()]
    if (!headers.get('content-type') && fallbackType) headers.set('content-type', fallbackType)
    headers.set('content-security-policy', contentSecurityPolicy)
    headers.set('x-content-type-options', 'nosniff')
    return new Response(method === 'HEAD' ? null : fetched.body, {
      status: fetched.status,
      statusText: fetched.statusText,
      headers,
    })
  }
}
