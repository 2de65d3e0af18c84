import http from 'node:http'
import type { AddressInfo } from 'node:net'

export type Fault =
  /** Forward the request, let the server answer (and commit), then drop the answer. */
  | 'drop-response'
  /** Refuse the connection's request without forwarding it. */
  | 'cut'
  | { delayMs: number }
  /** Forward the request's head and its first bytes to the server, then drop both connections. */
  | { cutAfterBytes: number }

/**
 * A loopback HTTP proxy in front of the server that injects network faults: each request takes
 * the next queued fault, or `always` when set, or passes through.
 */
export class FaultProxy {
  private readonly server: http.Server
  private queue: Fault[] = []
  always: Fault | null = null
  forwarded = 0
  /** Every request that reached the proxy: its path and headers. */
  readonly seen: { path: string; headers: http.IncomingHttpHeaders }[] = []
  url = ''

  constructor(private readonly target: string) {
    this.server = http.createServer((req, res) => void this.handle(req, res))
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve))
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`
    return this
  }

  next(...faults: Fault[]): void {
    this.queue.push(...faults)
  }

  async close(): Promise<void> {
    this.server.closeAllConnections()
    await new Promise((resolve) => this.server.close(resolve))
  }

  /** The server gets the full request head and only `bytes` of its body, then a dead peer. */
  private async cutMidway(req: http.IncomingMessage, body: Buffer, bytes: number): Promise<void> {
    const upstream = http.request(new URL(req.url ?? '/', this.target), {
      method: req.method,
      headers: { ...req.headers, 'content-length': String(body.length) },
    })
    upstream.on('error', () => {})
    await new Promise<void>((resolve) => upstream.write(body.subarray(0, bytes), () => resolve()))
    // Let the server read what came before the line goes dead.
    await new Promise((r) => setTimeout(r, 100))
    upstream.destroy()
    this.forwarded += 1
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const fault = this.queue.shift() ?? this.always
    this.seen.push({ path: req.url ?? '/', headers: req.headers })
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    if (fault === 'cut') {
      res.socket?.destroy()
      return
    }
    if (fault && typeof fault === 'object' && 'cutAfterBytes' in fault) {
      await this.cutMidway(req, Buffer.concat(chunks), fault.cutAfterBytes)
      res.socket?.destroy()
      return
    }
    if (fault && typeof fault === 'object') await new Promise((r) => setTimeout(r, fault.delayMs))
    const upstream = await fetch(new URL(req.url ?? '/', this.target), {
      method: req.method,
      headers: Object.fromEntries(
        Object.entries(req.headers).filter(
          ([k, v]) =>
            typeof v === 'string' && !['host', 'content-length', 'connection'].includes(k),
        ) as [string, string][],
      ),
      body: chunks.length > 0 ? Buffer.concat(chunks) : undefined,
    }).catch(() => null)
    this.forwarded += 1
    if (!upstream || fault === 'drop-response') {
      res.socket?.destroy()
      return
    }
    const body = Buffer.from(await upstream.arrayBuffer())
    // The server's headers travel on (x-operator-session among them); fetch already undid the
    // encoding and the length, and the connection is the proxy's own.
    const headers = [...upstream.headers].filter(
      ([k]) =>
        ![
          'content-encoding',
          'content-length',
          'transfer-encoding',
          'connection',
          'keep-alive',
        ].includes(k),
    )
    res.writeHead(upstream.status, Object.fromEntries(headers))
    res.end(body)
  }
}
