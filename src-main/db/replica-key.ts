import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { Sqlite } from './connection'
import { ownerOnlyFileMode } from '../files/owner-only'

/*
 * The replica keeps its secrets (the workstation's secret for the central server) sealed with a
 * key that is not in the replica: a copied replica file, or its backup, gives nobody the secret.
 * The key sits beside the replica in `replica.key`, owner-only; in the desktop it is itself
 * sealed by the operating system's keychain (Electron's safeStorage, see KeyProtector).
 */

/** The keychain of the desktop: seals the key file's content for this OS user. */
export interface KeyProtector {
  seal(text: string): Buffer
  open(sealed: Buffer): string
}

const keyFileName = 'replica.key'
const plainPrefix = 'plain:'
const keychainPrefix = 'keychain:'

export function replicaKeyFile(replicaFile: string): string {
  return join(dirname(replicaFile), keyFileName)
}

function writeKeyFile(file: string, key: Buffer, protector?: KeyProtector): void {
  const text = protector
    ? keychainPrefix + protector.seal(key.toString('base64')).toString('base64')
    : plainPrefix + key.toString('base64')
  writeFileSync(file, text, { mode: ownerOnlyFileMode })
}

/**
 * The replica's key: read from its file, or made (32 random bytes) on first use. With a
 * protector, a key file left unprotected (the web dev host's, `npm start`'s) gets protected.
 */
export function loadReplicaKey(replicaFile: string, protector?: KeyProtector): Buffer {
  const file = replicaKeyFile(replicaFile)
  if (!existsSync(file)) {
    const key = randomBytes(32)
    writeKeyFile(file, key, protector)
    return key
  }
  const text = readFileSync(file, 'utf8').trim()
  if (text.startsWith(keychainPrefix)) {
    if (!protector) throw new Error(`${file} is sealed by the desktop's keychain`)
    return Buffer.from(
      protector.open(Buffer.from(text.slice(keychainPrefix.length), 'base64')),
      'base64',
    )
  }
  if (!text.startsWith(plainPrefix)) throw new Error(`${file} is not a replica key`)
  const key = Buffer.from(text.slice(plainPrefix.length), 'base64')
  if (key.length !== 32) throw new Error(`${file} is not a replica key`)
  if (protector) writeKeyFile(file, key, protector)
  return key
}

const keys = new WeakMap<Sqlite, Buffer>()

/** The key this connection seals and opens secrets with (each opener of the replica attaches it). */
export function attachReplicaKey(sqlite: Sqlite, key: Buffer): void {
  keys.set(sqlite, key)
}

export function replicaKeyOf(sqlite: Sqlite): Buffer | undefined {
  return keys.get(sqlite)
}

const sealedPrefix = 'sealed:v1:'

export function isSealed(value: string): boolean {
  return value.startsWith(sealedPrefix)
}

/** AES-256-GCM: the stored text is the prefix, then base64 of IV, tag and ciphertext. */
export function sealSecret(plain: string, key: Buffer): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
  return sealedPrefix + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')
}

/** The secret, or null when this key cannot open it (a replica copied without its key). */
export function openSecret(stored: string, key: Buffer): string | null {
  const bytes = Buffer.from(stored.slice(sealedPrefix.length), 'base64')
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12))
    decipher.setAuthTag(bytes.subarray(12, 28))
    return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8')
  } catch {
    return null
  }
}
