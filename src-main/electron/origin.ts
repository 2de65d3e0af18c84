/** The UI is served from this privileged scheme and host, never from file:// or http://. */
export const appScheme = 'app'
export const appHost = 'renderer'
export const appOrigin = `${appScheme}://${appHost}`
export const appEntryUrl = `${appOrigin}/index.html`

/** The URL parsed, or null when it does not parse or carries a user name or password. */
export function urlWithoutCredentials(url: string): URL | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  return parsed.username === '' && parsed.password === '' ? parsed : null
}

/**
 * True only for URLs on our own origin. Compares scheme and host rather than URL.origin,
 * because Node's URL reports the origin of a custom scheme as "null".
 */
export function isAppUrl(url: string): boolean {
  const parsed = urlWithoutCredentials(url)
  return parsed?.protocol === `${appScheme}:` && parsed.host === appHost
}
