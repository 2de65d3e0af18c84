import { ElMessage } from 'element-plus'
import { onBeforeUnmount, onMounted } from 'vue'
import { useRouter, type Router } from 'vue-router'
import type { ScannedBill } from '../../src-shared/documents/contract'
import { useSessionStore } from '../operators/session-store'
import { useDocumentsStore } from './store'

/** A bill's payment QR (GOST R 56042-2014) starts so; a scanner types it, then Enter. */
export function looksLikeBillCode(text: string): boolean {
  return text.trimStart().startsWith('ST0001')
}

/** The scanned bill of this account, once: the payment screen prefills from it. */
export function takeScannedBill(accountId: string): ScannedBill | null {
  return useDocumentsStore().takeScanned(accountId)
}

/** Reads the code against the replica and opens that account's payment, or says why not. */
export async function payScannedBill(text: string, router: Router): Promise<boolean> {
  const result = await useDocumentsStore().scan(text)
  if (!result.ok) {
    ElMessage.error({ message: result.error.message, customClass: 'scan-error', duration: 8000 })
    return false
  }
  await router.push({ name: 'payment', params: { id: result.value.accountId } })
  return true
}

// A scanner types far faster than a person: keys this close together are one scan.
const scanKeyGapMs = 60

/**
 * A bill scanned anywhere on the main screen outside a text field (the search box reads its own):
 * the keys typed in a quick burst ending with Enter.
 */
export function useScanAnywhere(): void {
  const router = useRouter()
  const session = useSessionStore()
  let buffer = ''
  let last = 0

  function onKeydown(event: KeyboardEvent): void {
    const target = event.target as HTMLElement | null
    if (session.status !== 'active' || target?.closest('input, textarea, [contenteditable]')) return
    const now = event.timeStamp
    if (now - last > scanKeyGapMs) buffer = ''
    last = now
    if (event.key === 'Enter' && looksLikeBillCode(buffer)) {
      event.preventDefault()
      const text = buffer
      buffer = ''
      void payScannedBill(text, router)
    } else if (event.key.length === 1) buffer += event.key
  }

  onMounted(() => window.addEventListener('keydown', onKeydown))
  onBeforeUnmount(() => window.removeEventListener('keydown', onKeydown))
}
