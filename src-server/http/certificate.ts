import { createHash, X509Certificate } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { generate } from 'selfsigned'

export interface ServerCertificate {
  cert: string
  key: string
  /** SHA-256 of the certificate (DER), lower-case hex: what workstations pin. */
  fingerprint: string
  /** True when this call made it (a first install). */
  created: boolean
}

/** SHA-256 of a PEM certificate's DER bytes, lower-case hex. */
export function fingerprintOf(certPem: string): string {
  return createHash('sha256').update(new X509Certificate(certPem).raw).digest('hex')
}

const YEARS = 20

/**
 * The server's TLS certificate and key in `<dir>/server.crt` and `<dir>/server.key`: an
 * administrator may put the company's own there; a first install makes a self-signed one (EC
 * P-256). Workstations do not trust it through a CA but pin its fingerprint, which the
 * registration code carries, so it is made to last: replacing it means registering every
 * workstation again.
 */
export async function serverCertificate(dir: string): Promise<ServerCertificate> {
  const certFile = join(dir, 'server.crt')
  const keyFile = join(dir, 'server.key')
  if (existsSync(certFile) && existsSync(keyFile)) {
    const cert = readFileSync(certFile, 'utf8')
    return {
      cert,
      key: readFileSync(keyFile, 'utf8'),
      fingerprint: fingerprintOf(cert),
      created: false,
    }
  }
  const now = new Date()
  const made = await generate([{ name: 'commonName', value: 'Energo Office central server' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: new Date(now.getTime() - 86_400_000),
    notAfterDate: new Date(now.getFullYear() + YEARS, now.getMonth(), now.getDate()),
  })
  mkdirSync(dir, { recursive: true })
  writeFileSync(keyFile, made.private, { mode: 0o600 })
  writeFileSync(certFile, made.cert)
  return {
    cert: made.cert,
    key: made.private,
    fingerprint: fingerprintOf(made.cert),
    created: true,
  }
}
