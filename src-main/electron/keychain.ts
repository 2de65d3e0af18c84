import { safeStorage } from 'electron'
import type { KeyProtector } from '../db/replica-key'

/**
 * The OS keychain (DPAPI on Windows, the Secret Service or kwallet on Linux) seals the replica's
 * key file; null where it is not available (the key file then stays owner-only, as in the web dev
 * host). Asked only after the app is ready.
 */
export function keychainProtector(): KeyProtector | undefined {
  if (!safeStorage.isEncryptionAvailable()) return undefined
  return {
    seal: (text) => safeStorage.encryptString(text),
    open: (sealed) => safeStorage.decryptString(sealed),
  }
}
