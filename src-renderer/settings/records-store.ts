import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { ApiError } from '../../src-shared/api/result'
import type { OfficeRow, SupplierRow } from '../../src-shared/settings/contract'
import { call } from '../api/client'

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

/** Suppliers and offices with their requisites: listed, created and edited by an admin. */
export const useReferenceRecordsStore = defineStore('referenceRecords', () => {
  const suppliers = shallowRef<SupplierRow[]>([])
  const offices = shallowRef<OfficeRow[]>([])
  const editing = ref<{
    kind: RecordKind
    id: string | null
    values: Record<string, string>
  } | null>(null)
  const saving = ref(false)
  const saveError = ref<ApiError | null>(null)

  async function load(): Promise<void> {
    const [s, o] = await Promise.all([call('settings.suppliers', {}), call('settings.offices', {})])
    if (s.ok) suppliers.value = s.value
    if (o.ok) offices.value = o.value
  }

  function start(kind: RecordKind, row: SupplierRow | OfficeRow | null): void {
    saveError.value = null
    const source = (row ?? {}) as Record<string, unknown>
    const values = Object.fromEntries(
      recordFields[kind].map((f) => [f, source[f] == null ? '' : String(source[f])]),
    )
    editing.value = { kind, id: row?.id ?? null, values }
  }

  function cancel(): void {
    editing.value = null
    saveError.value = null
  }

  async function save(): Promise<boolean> {
    const e = editing.value
    if (!e || saving.value) return false
    saving.value = true
    saveError.value = null
    const v = e.values
    const optional = (x: string | undefined) => (x && x.trim() !== '' ? x : null)
    const result =
      e.kind === 'office'
        ? await call('settings.saveOffice', {
            officeId: e.id,
            name: v.name ?? '',
            address: v.address ?? '',
            phone: optional(v.phone),
          })
        : await call('settings.saveSupplier', {
            supplierId: e.id,
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
    saving.value = false
    if (!result.ok) {
      saveError.value = result.error
      return false
    }
    editing.value = null
    await load()
    return true
  }

  return { suppliers, offices, editing, saving, saveError, load, start, cancel, save }
})
