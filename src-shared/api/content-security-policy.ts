/** The one Content-Security-Policy of the UI, sent by the app:// protocol and the web dev host. */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  // Element Plus positions popups with inline styles.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')
