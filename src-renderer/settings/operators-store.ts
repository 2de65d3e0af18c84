import { defineStore } from 'pinia'
import type { Role } from '../../src-shared/operators/roles'
import type { OfficeRow, OperatorRow } from '../../src-shared/settings/contract'
import { call } from '../api/client'
import { useDraftSave, useLoaded } from '../api/loaded'

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
export const useOperatorsStore = defineStore('settingsOperators', () => {
  const list = useLoaded(() => call('settings.operators', {}), [] as OperatorRow[])
  const places = useLoaded(() => call('settings.offices', {}), [] as OfficeRow[])
  const offices = places.value

  async function load(): Promise<void> {
    await Promise.all([list.load(), places.load()])
  }

  const form = useDraftSave(
    (d: OperatorDraft) =>
      call('settings.saveOperator', {
        ...d,
        officeId: d.role === 'admin' && !d.officeId ? null : d.officeId,
      }),
    load,
  )

  function startNew(): void {
    form.edit({
      operatorId: null,
      login: '',
      fullName: '',
      role: 'clerk',
      officeId: offices.value[0]?.id ?? null,
      active: true,
      password: '',
    })
  }

  function startEdit(row: OperatorRow): void {
    form.edit({
      operatorId: row.id,
      login: row.login,
      fullName: row.fullName,
      role: row.role,
      officeId: row.officeId,
      active: row.active,
      password: '',
    })
  }

  return {
    operators: list.value,
    offices,
    loadError: list.error,
    draft: form.draft,
    saving: form.saving,
    saveError: form.saveError,
    load,
    startNew,
    startEdit,
    cancel: form.cancel,
    save: form.save,
  }
})
