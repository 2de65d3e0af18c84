import type { ChannelName, InputOf } from '../../src-shared/api/contract'
import type { PrintedDocument } from '../../src-shared/payments/contract'
import { call } from '../api/client'

type PrintChannel = Extract<ChannelName, 'payments.print' | 'shifts.print'>

/** Prints through main (printer or PDF); resolves to where it went, or the error message. */
export async function printDocument<K extends PrintChannel>(
  channel: K,
  input: InputOf<K>,
): Promise<{ ok: true; printed: PrintedDocument } | { ok: false; message: string }> {
  const result = await call(channel, input)
  return result.ok
    ? { ok: true, printed: result.value as PrintedDocument }
    : { ok: false, message: result.error.message }
}
