import type { ChannelName, InputOf } from '../../src-shared/api/contract'
import type { PrintedDocument } from '../../src-shared/payments/contract'
import { useDocumentsStore } from './store'

type PrintChannel = Extract<ChannelName, 'payments.print' | 'shifts.print'>

/** Prints through main (printer or PDF); resolves to where it went, or the error message. */
export function printDocument<K extends PrintChannel>(
  channel: K,
  input: InputOf<K>,
): Promise<{ ok: true; printed: PrintedDocument } | { ok: false; message: string }> {
  return useDocumentsStore().print(channel, input)
}
