import { defineStore } from 'pinia'
import type { OfficeRow, SupplierRow } from '../../src-shared/settings/contract'
import { call } from '../api/client'
import { useDraftSave, useLoaded } from '../api/loaded'

export type RecordKind = 'supplier' | 'office'

/** The text fields of a supplier's or an office's requisites, as the admin types them. */
export const recordFields: Record<RecordKind, readonly string[]> = {
  supplier: [
    'name',
    'shortName',
    'inn',
    'kpp',
    'ogrn',
    'address',
    'phone',
    'email',
    'bankName',
    'bic',
    'bankAccount',
    'correspondentAccount',
  ],
  office: ['name', 'address', 'phone'],
}

/** A supplier or an office being created (id null) or edited, its fields as typed. */
export interface RecordDraft {
  kind: RecordKind
  id: string | null
  values: Record<string, string>
}

const optional = (x: string | undefined) => (x && x.trim() !== '' ? x : null)

/** Sends a draft: an office's or a supplier's requisites, the optional ones null when empty. */
function sendRecord({ kind, id, values: v }: RecordDraft) {
  return kind === 'office'
    ? call('settings.saveOffice', {
        officeId: id,
        name: v.name ?? '',
        address: v.address ?? '',
        phone: optional(v.phone),
      })
    : call('settings.saveSupplier', {
        supplierId: id,
        name: v.name ?? '',
        shortName: v.shortName ?? '',
        inn: v.inn ?? '',
        kpp: optional(v.kpp),
        ogrn: optional(v.ogrn),
        address: optional(v.address),
        phone: optional(v.phone),
        email: optional(v.email),
        bankName: v.bankName ?? '',
        bic: v.bic ?? '',
        bankAccount: v.bankAccount ?? '',
        correspondentAccount: v.correspondentAccount ?? '',
      })
}

/** Suppliers and offices with their requisites: listed, created and edited by an admin. */
export const useSettingsRecordsStore = defineStore('settingsRecords', () => {
  const suppliers = useLoaded(() => call('settings.suppliers', {}), [] as SupplierRow[])
  const offices = useLoaded(() => call('settings.offices', {}), [] as OfficeRow[])

  async function load(): Promise<void> {
    await Promise.all([suppliers.load(), offices.load()])
  }

  const form = useDraftSave(sendRecord, load)

  function start(kind: RecordKind, row: SupplierRow | OfficeRow | null): void {
    const source = (row ?? {}) as Record<string, unknown>
    const values = Object.fromEntries(
      recordFields[kind].map((f) => [f, source[f] == null ? '' : String(source[f])]),
    )
    form.edit({ kind, id: row?.id ?? null, values })
  }

  return {
    suppliers: suppliers.value,
    offices: offices.value,
    editing: form.draft,
    saving: form.saving,
    saveError: form.saveError,
    load,
    start,
    cancel: form.cancel,
    save: form.save,
  }
})
