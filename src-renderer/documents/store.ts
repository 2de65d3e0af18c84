import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import type { ChannelName, InputOf } from '../../src-shared/api/contract'
import type { BillBatchState, ScannedBill } from '../../src-shared/documents/contract'
import type { PrintedDocument } from '../../src-shared/payments/contract'
import type { OfficeRow } from '../../src-shared/settings/contract'
import { call, caller } from '../api/client'

type PrintChannel = Extract<ChannelName, 'payments.print' | 'shifts.print'>

/**
 * Documents: those the counter prints for an account (choices, preview, print), the receipts and
 * shift reports printed through main, a scanned bill waiting for its payment screen, and the
 * monthly bill batch with its progress.
 */
export const useDocumentsStore = defineStore('documents', () => {
  /** The scanned bill waits here for the payment screen it opens. */
  const scanned = shallowRef<ScannedBill | null>(null)
  const batch = shallowRef<BillBatchState | null>(null)
  const offices = shallowRef<OfficeRow[]>([])

  function choices(accountId: string) {
    return call('documents.choices', { accountId })
  }

  /** Prints through main (printer or PDF); resolves to where it went, or the error message. */
  async function print<K extends PrintChannel>(
    channel: K,
    input: InputOf<K>,
  ): Promise<{ ok: true; printed: PrintedDocument } | { ok: false; message: string }> {
    const result = await call(channel, input)
    return result.ok
      ? { ok: true, printed: result.value as PrintedDocument }
      : { ok: false, message: result.error.message }
  }

  /** Reads a bill's code against the replica; the bill found waits for its payment screen. */
  async function scan(text: string) {
    const result = await call('documents.scan', { text })
    if (result.ok) scanned.value = result.value
    return result
  }

  /** The scanned bill of this account, once: the payment screen prefills from it. */
  function takeScanned(accountId: string): ScannedBill | null {
    const bill = scanned.value
    if (bill?.accountId !== accountId) return null
    scanned.value = null
    return bill
  }

  async function loadOffices(): Promise<void> {
    const list = await call('settings.offices', {})
    if (list.ok) offices.value = list.value
  }

  async function refreshBatch(): Promise<void> {
    const result = await call('documents.batchStatus', {})
    if (result.ok) batch.value = result.value
  }

  async function startBatch(input: InputOf<'documents.batchStart'>) {
    const result = await call('documents.batchStart', input)
    if (result.ok) batch.value = result.value
    return result
  }

  async function cancelBatch(): Promise<void> {
    const result = await call('documents.batchCancel', {})
    if (result.ok) batch.value = result.value
  }

  return {
    scanned,
    batch,
    offices,
    choices,
    preview: caller('documents.preview'),
    printCounterDocument: caller('documents.print'),
    print,
    scan,
    takeScanned,
    loadOffices,
    refreshBatch,
    startBatch,
    cancelBatch,
  }
})
