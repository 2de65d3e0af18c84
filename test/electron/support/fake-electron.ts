/*
 * A hand-made stand-in for the parts of Electron that src-main/electron and src-preload use.
 * Tests load it with `vi.mock('electron', () => import('./fake-electron'))`; the real module
 * cannot be loaded here (its index.js downloads the binary).
 */
import { EventEmitter } from 'node:events'
import { readFile } from 'node:fs/promises'
import { request as httpRequest, type RequestOptions } from 'node:http'
import { fileURLToPath } from 'node:url'
import { vi } from 'vitest'

type Handler = (...args: never[]) => unknown

export interface FakeNavigationEvent {
  url: string
  defaultPrevented: boolean
  preventDefault(): void
}

export class FakeWebFrame {
  constructor(
    readonly url: string,
    readonly parent: FakeWebFrame | null = null,
  ) {}
}

let nextContentsId = 1

export class FakeWebContents extends EventEmitter {
  readonly id = nextContentsId++
  readonly mainFrame = new FakeWebFrame('app://renderer/index.html')
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null

  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler
  }

  /** Fires a navigation-like event the way Electron does and tells whether it was prevented. */
  fire(eventName: string, url: string): FakeNavigationEvent {
    const event: FakeNavigationEvent = {
      url,
      defaultPrevented: false,
      preventDefault() {
        this.defaultPrevented = true
      },
    }
    this.emit(eventName, event, url)
    return event
  }
}

class FakeApp extends EventEmitter {
  isPackaged = false
  readonly getPath = vi.fn((_name: string) => '/tmp/energo-user-data')
  readonly getVersion = vi.fn(() => '0.1.0')
  readonly getName = vi.fn(() => 'energo-office')
  readonly getAppPath = vi.fn(() => '/tmp/energo-app')
  readonly requestSingleInstanceLock = vi.fn(() => true)
  readonly quit = vi.fn<() => void>()
  readonly enableSandbox = vi.fn<() => void>()
  readonly whenReady = vi.fn(() => Promise.resolve())
}

export const app = new FakeApp()

export class BrowserWindow extends EventEmitter {
  static instances: BrowserWindow[] = []
  readonly webContents = new FakeWebContents()
  readonly loadURL = vi.fn((_url: string) => Promise.resolve())
  readonly show = vi.fn<() => void>()
  readonly focus = vi.fn<() => void>()
  readonly restore = vi.fn<() => void>()
  readonly isMinimized = vi.fn(() => false)
  readonly isDestroyed = vi.fn(() => false)

  constructor(readonly options: Record<string, unknown>) {
    super()
    BrowserWindow.instances.push(this)
    // Electron announces every new webContents on app, before anything loads.
    app.emit('web-contents-created', {}, this.webContents)
  }
}

export const ipcMain = {
  handlers: new Map<string, Handler>(),
  handle: vi.fn((channel: string, handler: Handler) => {
    // Electron throws on a second handler for one channel; so does the fake.
    if (ipcMain.handlers.has(channel)) throw new Error(`second handler for ${channel}`)
    ipcMain.handlers.set(channel, handler)
  }),
}

export const protocol = {
  handlers: new Map<string, (request: Request) => Promise<Response>>(),
  registerSchemesAsPrivileged: vi.fn<(schemes: unknown[]) => void>(),
  handle: vi.fn((scheme: string, handler: (request: Request) => Promise<Response>) => {
    protocol.handlers.set(scheme, handler)
  }),
}

/** One session per partition name, as Electron keeps them. */
const partitions = new Map<string, { setCertificateVerifyProc: ReturnType<typeof vi.fn> }>()

export const session = {
  fromPartition: vi.fn((partition: string, _options?: unknown) => {
    let found = partitions.get(partition)
    if (!found) {
      found = { setCertificateVerifyProc: vi.fn() }
      partitions.set(partition, found)
    }
    return found
  }),
  defaultSession: {
    setPermissionRequestHandler: vi.fn<(handler: unknown) => void>(),
    setPermissionCheckHandler: vi.fn<(handler: unknown) => void>(),
    setDevicePermissionHandler: vi.fn<(handler: unknown) => void>(),
  },
}

export const shell = { openExternal: vi.fn((_url: string) => Promise.resolve()) }

/** No keychain here: the replica's key file stays owner-only, as in the web dev host. */
export const safeStorage = {
  isEncryptionAvailable: vi.fn(() => false),
  encryptString: vi.fn((text: string) => Buffer.from(text, 'utf8')),
  decryptString: vi.fn((sealed: Buffer) => sealed.toString('utf8')),
}

export const dialog = { showErrorBox: vi.fn<(title: string, content: string) => void>() }

/** Reads the file like Chromium's file loader, but without a content type. */
export const net = {
  fetch: vi.fn(async (url: string) => new Response(await readFile(fileURLToPath(url)))),
  /** Electron's ClientRequest, played by Node's over real HTTP (electron-updater uses it). */
  request: vi.fn((options: RequestOptions & { session?: unknown; redirect?: string }) => {
    const { session: _session, redirect: _redirect, ...http } = options
    // One connection per request, as Electron's net does not share Node's agent.
    return httpRequest({ ...http, agent: false })
  }),
}

export const contextBridge = { exposeInMainWorld: vi.fn<(key: string, api: unknown) => void>() }

export const ipcRenderer = {
  invoke: vi.fn((_channel: string, _input: unknown): Promise<unknown> =>
    Promise.resolve({ ok: true, value: 'from main' }),
  ),
}

/** Back to a fresh, not packaged app with nothing registered. */
export function resetFakeElectron(): void {
  vi.resetAllMocks()
  app.removeAllListeners()
  app.isPackaged = false
  BrowserWindow.instances = []
  ipcMain.handlers.clear()
  protocol.handlers.clear()
}
