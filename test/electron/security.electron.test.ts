import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import {
  externalHosts,
  installSecurityHandlers,
  openExternalSafely,
} from '../../src-main/electron/security'
import { BrowserWindow, resetFakeElectron, session, shell } from './support/fake-electron'

vi.mock('electron', () => import('./support/fake-electron'))

const allowedHost = [...externalHosts][0]!

function hardenedContents() {
  installSecurityHandlers()
  // The fake, like Electron, emits app 'web-contents-created' for each new window.
  return new BrowserWindow({}).webContents
}

describe('navigation, new windows and webviews', () => {
  beforeEach(() => {
    resetFakeElectron()
    vi.spyOn(console, 'warn').mockImplementation(() => {})
  })

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])(
    '%s: stays on app://renderer, anything else is prevented',
    (eventName) => {
      const contents = hardenedContents()
      expect(contents.fire(eventName, 'app://renderer/index.html#/accounts').defaultPrevented).toBe(
        false,
      )
      for (const url of [
        'https://evil.example/',
        'http://localhost:5173/',
        'file:///etc/passwd',
        'app://other/index.html',
        'javascript:alert(1)',
      ]) {
        expect(contents.fire(eventName, url).defaultPrevented, url).toBe(true)
      }
    },
  )

  it('denies window.open, opening only allow-listed https links in the browser', async () => {
    const contents = hardenedContents()
    expect(contents.windowOpenHandler!({ url: 'https://evil.example/' })).toEqual({
      action: 'deny',
    })
    expect(contents.windowOpenHandler!({ url: `https://${allowedHost}/help` })).toEqual({
      action: 'deny',
    })
    await Promise.resolve()
    expect(shell.openExternal).toHaveBeenCalledTimes(1)
    expect(shell.openExternal).toHaveBeenCalledWith(`https://${allowedHost}/help`)
  })

  it('prevents attaching a webview', () => {
    const contents = hardenedContents()
    expect(contents.fire('will-attach-webview', 'https://evil.example/').defaultPrevented).toBe(
      true,
    )
  })

  it('denies every permission request and check', () => {
    installSecurityHandlers()
    const ses = session.defaultSession
    const request = ses.setPermissionRequestHandler.mock.calls[0]![0] as (
      wc: unknown,
      permission: string,
      callback: (granted: boolean) => void,
    ) => void
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      const callback = vi.fn()
      request({}, permission, callback)
      expect(callback).toHaveBeenCalledWith(false)
    }
    const check = ses.setPermissionCheckHandler.mock.calls[0]![0] as (...a: unknown[]) => boolean
    expect(check(null, 'media', 'app://renderer', {})).toBe(false)
    const device = ses.setDevicePermissionHandler.mock.calls[0]![0] as (d: unknown) => boolean
    expect(device({ deviceType: 'usb' })).toBe(false)
  })
})

describe('openExternalSafely', () => {
  beforeEach(() => {
    resetFakeElectron()
    vi.spyOn(console, 'warn').mockImplementation(() => {})
  })

  it('opens an allow-listed https URL', async () => {
    expect(await openExternalSafely(`https://${allowedHost}/page?x=1`)).toBe(true)
    expect(shell.openExternal).toHaveBeenCalledWith(`https://${allowedHost}/page?x=1`)
  })

  it.each([
    'file:///etc/passwd',
    'javascript:alert(1)',
    `http://${allowedHost}/`,
    'https://evil.example/',
    `https://${allowedHost}.evil.example/`,
    `https://user@${allowedHost}/`,
    `https://${allowedHost}:8443/`,
    `smb://${allowedHost}/share`,
    'app://renderer/index.html',
    'not a url',
  ])('refuses %s', async (url) => {
    expect(await openExternalSafely(url)).toBe(false)
    expect(shell.openExternal).not.toHaveBeenCalled()
  })

  it('uses the given allow-list instead of the default', async () => {
    const hosts = new Set(['docs.example.org'])
    expect(await openExternalSafely('https://docs.example.org/a', hosts)).toBe(true)
    expect(await openExternalSafely(`https://${allowedHost}/`, hosts)).toBe(false)
  })

  it('is the only caller of shell.openExternal', () => {
    const root = join(import.meta.dirname, '..', '..')
    const callers = ['src-main', 'src-preload', 'src-renderer']
      .flatMap((dir) => {
        try {
          return readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' }).map((f) =>
            join(root, dir, f),
          )
        } catch {
          return []
        }
      })
      .filter((file) => /\.(ts|vue)$/.test(file))
      .filter((file) => readFileSync(file, 'utf8').includes('openExternal('))
      .map((file) => relative(root, file).split(sep).join('/'))
    expect(callers).toEqual(['src-main/electron/security.ts'])
  })
})
