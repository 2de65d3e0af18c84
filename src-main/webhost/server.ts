import { randomBytes, timingSafeEqual } from 'node:crypto'
import { readFileSync, rmSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import sirv from 'sirv'
import { apiTokenHeader, apiTokenMeta, clientIdHeader } from '../../src-shared/api/bridge'
import { failed, type ErrorCode } from '../../src-shared/api/result'
import type { Dispatch } from '../api/dispatch'
import { downloadKeyPattern, downloadPrefix } from '../reports/export-destination'
import { contentSecurityPolicy } from '../../src-shared/api/content-security-policy'

export interface WebHostOptions {
  dispatch: Dispatch
  /** The built renderer (out/renderer). */
  rendererDir: string
  /** 0 picks a free port. */
  port?: number
  token?: string
  /** The folder exported reports wait in until downloaded once (`/download/<key>/<name>`). */
  downloadsDir?: string
}

export interface WebHost {
  url: string
  token: string
  close(): Promise<void>
}

// An appeal's attachment travels as base64 in one request: 4 MB of file is under 6 MB of body.
const maxBodyBytes = 8 << 20

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  })
  res.end(text)
}

/** Every answer but a served file is the contract's shape, whatever the request was. */
function refuse(
  res: ServerResponse,
  status: number,
  message: string,
  code: ErrorCode = 'forbidden',
): void {
  if (res.headersSent) {
    res.destroy()
    return
  }
  send(res, status, failed(code, message))
}

/** The channel named by the path, or null when the path is no text at all (bad %-escapes). */
function channelOf(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname.slice('/api/'.length))
  } catch {
    return null
  }
}

async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > maxBodyBytes) return null
    chunks.push(chunk)
  }
  return Buffer.concat(chunks).toString('utf8')
}

/**
 * An exported report, once: the random key (handed out only through the API, which needs the
 * page's token) is the permission; the file is removed after it is sent.
 */
function sendDownload(res: ServerResponse, folder: string, rest: string): void {
  const [key, name] = rest.split('/')
  if (!key || !downloadKeyPattern.test(key)) return refuse(res, 404, 'Файл не найден.', 'not_found')
  const file = join(folder, `${key}.xlsx`)
  let bytes: Buffer
  try {
    bytes = readFileSync(file)
  } catch {
    return refuse(res, 404, 'Файл не найден.', 'not_found')
  }
  rmSync(file, { force: true })
  let fileName = 'report.xlsx'
  try {
    fileName = decodeURIComponent(name ?? fileName)
  } catch {
    // A name that is no text: the file goes out under the plain one.
  }
  res.writeHead(200, {
    'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'content-disposition': `attachment; filename="report.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    'content-length': bytes.length,
    'cache-control': 'no-store',
  })
  res.end(bytes)
}

function sameSecret(given: string | string[] | undefined, token: string): boolean {
  if (typeof given !== 'string') return false
  const a = Buffer.from(given)
  const b = Buffer.from(token)
  return a.length === b.length && timingSafeEqual(a, b)
}

/**
 * The same handlers as Electron's IPC, over HTTP on 127.0.0.1, for end-to-end tests and machines
 * without the Electron binary. Only the page it served (which carries the per-run token) can call
 * the API; the Host check stops DNS-rebinding pages from reaching it.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(24).toString('base64url')
  const indexHtml = readFileSync(join(options.rendererDir, 'index.html'), 'utf8').replace(
    '</head>',
    `<meta name="${apiTokenMeta}" content="${token}"></head>`,
  )
  const assets = sirv(options.rendererDir, { dev: false, etag: true })
  let allowedHosts = new Set<string>()

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    res.setHeader('content-security-policy', contentSecurityPolicy)
    res.setHeader('x-content-type-options', 'nosniff')
    res.setHeader('referrer-policy', 'no-referrer')
    if (!allowedHosts.has(req.headers.host ?? ''))
      return refuse(res, 421, 'Неверный адрес сервера.')
    // Only origin-form paths ("/api/x"): an absolute or malformed target is no request of the page.
    const target = req.url ?? '/'
    if (!target.startsWith('/')) return refuse(res, 400, 'Неверный запрос.', 'invalid_input')
    let url: URL
    try {
      url = new URL(target, 'http://localhost')
    } catch {
      return refuse(res, 400, 'Неверный запрос.', 'invalid_input')
    }

    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return refuse(res, 405, 'Метод не поддерживается.')
      if (!sameSecret(req.headers[apiTokenHeader], token))
        return refuse(res, 403, 'Доступ запрещен.')
      const clientId = req.headers[clientIdHeader]
      if (typeof clientId !== 'string' || !/^[\w-]{8,64}$/.test(clientId)) {
        return refuse(res, 400, 'Нет идентификатора вкладки.', 'invalid_input')
      }
      const channel = channelOf(url.pathname)
      if (channel === null) return refuse(res, 404, 'Неизвестная операция.', 'unknown_channel')
      void (async () => {
        const body = await readBody(req)
        if (body === null) return refuse(res, 413, 'Слишком большой запрос.', 'invalid_input')
        let input: unknown
        try {
          input = body === '' ? {} : JSON.parse(body)
        } catch {
          return refuse(res, 400, 'Запрос не разобран: неверный JSON.', 'invalid_input')
        }
        send(res, 200, await options.dispatch(channel, input, `web:${clientId}`))
      })().catch((error: unknown) => {
        console.error(error)
        refuse(res, 500, 'Внутренняя ошибка программы.', 'internal')
      })
      return
    }

    if (url.pathname.startsWith(downloadPrefix) && options.downloadsDir) {
      return sendDownload(res, options.downloadsDir, url.pathname.slice(downloadPrefix.length))
    }

    if (url.pathname === '/' || url.pathname === '/index.html') {
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
      })
      res.end(indexHtml)
      return
    }
    assets(req, res, () => refuse(res, 404, 'Не найдено.', 'not_found'))
  }

  const server = createServer((req, res) => {
    // Whatever a request holds, it never takes the host down: the worst is a refusal.
    try {
      handle(req, res)
    } catch (error) {
      console.error(error)
      refuse(res, 500, 'Внутренняя ошибка программы.', 'internal')
    }
  })
  server.on('clientError', (_error, socket) => {
    // A request the HTTP parser could not read: still the contract's shape, then the door shuts.
    const body = JSON.stringify(failed('invalid_input', 'Неверный запрос.'))
    if (!socket.writable) return socket.destroy()
    socket.end(
      'HTTP/1.1 400 Bad Request\r\nConnection: close\r\n' +
        `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    )
  })

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`])
  return {
    url: `http://127.0.0.1:${port}/`,
    token,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((e) => (e ? reject(e) : resolve()))
      }),
  }
}
