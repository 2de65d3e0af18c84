import { app, session, shell, type WebContents } from 'electron'
import { isAppUrl, urlWithoutCredentials } from './origin'

/**
 * Hosts that links may open in the system browser (https only). Placeholders until the
 * company's help and payment pages are known.
 */
export const externalHosts: ReadonlySet<string> = new Set(['help.energo-office.example'])

export function isAllowedExternalUrl(
  url: string,
  hosts: ReadonlySet<string> = externalHosts,
): boolean {
  const parsed = urlWithoutCredentials(url)
  return parsed?.protocol === 'https:' && parsed.port === '' && hosts.has(parsed.hostname)
}

/** The only place that calls shell.openExternal: allow-listed https URLs, nothing else. */
export async function openExternalSafely(
  url: string,
  hosts: ReadonlySet<string> = externalHosts,
): Promise<boolean> {
  if (!isAllowedExternalUrl(url, hosts)) {
    console.warn('[security] refused to open an external URL:', url)
    return false
  }
  try {
    await shell.openExternal(new URL(url).href)
    return true
  } catch (error) {
    console.error('[security] could not open an external URL:', url, error)
    return false
  }
}

/**
 * No page may leave our origin, open windows or embed webviews. A new-window link to an
 * allow-listed site goes to the system browser instead.
 */
export function hardenContents(contents: WebContents): void {
  const stayOnAppOrigin = (event: { url: string; preventDefault(): void }): void => {
    if (!isAppUrl(event.url)) event.preventDefault()
  }
  contents.on('will-navigate', stayOnAppOrigin)
  // will-navigate covers only the main frame; subframes navigate through this one.
  contents.on('will-frame-navigate', stayOnAppOrigin)
  contents.on('will-redirect', stayOnAppOrigin)
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    void openExternalSafely(url)
    return { action: 'deny' }
  })
}

/** Call once the app is ready, before any window: covers every webContents ever created. */
export function installSecurityHandlers(): void {
  app.on('web-contents-created', (_event, contents) => hardenContents(contents))
  const ses = session.defaultSession
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  ses.setPermissionCheckHandler(() => false)
  ses.setDevicePermissionHandler(() => false)
}
