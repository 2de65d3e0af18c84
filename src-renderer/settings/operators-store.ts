import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { ApiError } from '../../src-shared/api/result'
import type { Role } from '../../src-shared/operators/roles'
import type { OfficeRow, OperatorRow } from '../../src-shared/settings/contract'
import { call } from '../api/client'

/** The operator being created (id null) or edited, as the admin fills it in. */
export interface OperatorDraft {
  operatorId: string | null
  login: string
  fullName: string
  role: Role
  officeId: string | null
  active: boolean
  /** Empty when editing: the password stays; typed: it is reset to this. */
  password: string
}

/**
 * The admin's operators screen: the list, the offices to pick from, and one save for create,
 * role and office change, password reset and deactivation (operator.save, sent to the server
 * at once with the admin's live session).
 */
export const useOperatorsStore = defineStore('referenceOperators', () => {
  const operators = shallowRef<OperatorRow[]>([])
  const offices = shallowRef<OfficeRow[]>([])
  const loadError = ref<string | null>(null)
  const draft = ref<OperatorDraft | null>(null)
  const saving = ref(false)
  const saveError = ref<ApiError | null>(null)

  async function load(): Promise<void> {
    const [list, places] = await Promise.all([
      call('settings.operators', {}),
      call('settings.offices', {}),
    ])
    loadError.value = list.ok ? null : list.error.message
    if (list.ok) operators.value = list.value
    if (places.ok) offices.value = places.value
  }

  function startNew(): void {
    saveError.value = null
    draft.value = {
      operatorId: null,
      login: '',
      fullName: '',
      role: 'clerk',
      officeId: offices.value[0]?.id ?? null,
      active: true,
      password: '',
    }
  }

  function startEdit(row: OperatorRow): void {
    saveError.value = null
    draft.value = {
      operatorId: row.id,
      login: row.login,
      fullName: row.fullName,
      role: row.role,
      officeId: row.officeId,
      active: row.active,
      password: '',
    }
  }

  function cancel(): void {
    draft.value = null
    saveError.value = null
  }

  /** True when saved; the list is read again. */
  async function save(): Promise<boolean> {
    const d = draft.value
    if (!d || saving.value) return false
    saving.value = true
    saveError.value = null
    const result = await call('settings.saveOperator', {
      ...d,
      officeId: d.role === 'admin' && !d.officeId ? null : d.officeId,
    })
    saving.value = false
    if (!result.ok) {
      saveError.value = result.error
      return false
    }
    draft.value = null
    await load()
    return true
  }

  return {
    operators,
    offices,
    loadError,
    draft,
    saving,
    saveError,
    load,
    startNew,
    startEdit,
    cancel,
    save,
  }
})
