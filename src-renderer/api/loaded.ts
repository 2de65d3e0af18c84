import { ref, shallowRef, type Ref, type ShallowRef } from 'vue'
import type { ApiError, ApiResult } from '../../src-shared/api/result'

/** What a store read last from one channel, and why the last read failed (null once it works). */
export interface Loaded<T> {
  value: ShallowRef<T>
  error: Ref<string | null>
  /** Reads again; true when it worked. */
  load: () => Promise<boolean>
}

/**
 * One read a store keeps for its screen. A failed read leaves the value as it was (a list on
 * screen stays) unless `emptyOnFailure`, which puts `initial` back.
 */
export function useLoaded<T>(
  read: () => Promise<ApiResult<T>>,
  initial: T,
  options: { emptyOnFailure?: boolean } = {},
): Loaded<T> {
  const value = shallowRef(initial) as ShallowRef<T>
  const error = ref<string | null>(null)

  async function load(): Promise<boolean> {
    const result = await read()
    if (result.ok) value.value = result.value
    else if (options.emptyOnFailure) value.value = initial
    error.value = result.ok ? null : result.error.message
    return result.ok
  }

  return { value, error, load }
}

/** A change sent to the API; once it is made, what the screen shows is read again. */
export async function thenReload<R extends ApiResult<unknown>>(
  change: Promise<R>,
  reload: () => Promise<unknown>,
): Promise<R> {
  const result = await change
  if (result.ok) await reload()
  return result
}

/** A form's draft (a row being created or edited) and its one save, refused or done. */
export interface DraftSave<D> {
  draft: Ref<D | null>
  saving: Ref<boolean>
  saveError: Ref<ApiError | null>
  /** Opens the form on this draft, clearing an earlier refusal. */
  edit: (draft: D) => void
  cancel: () => void
  /** True when saved: the form closes and the list is read again. */
  save: () => Promise<boolean>
}

/** The draft a list's form edits, sent by `send`, the list read again by `reload` once saved. */
export function useDraftSave<D>(
  send: (draft: D) => Promise<ApiResult<unknown>>,
  reload: () => Promise<unknown>,
): DraftSave<D> {
  const draft = ref(null) as Ref<D | null>
  const saving = ref(false)
  const saveError = ref<ApiError | null>(null)

  function edit(next: D): void {
    saveError.value = null
    draft.value = next
  }

  function cancel(): void {
    draft.value = null
    saveError.value = null
  }

  async function save(): Promise<boolean> {
    const d = draft.value
    if (!d || saving.value) return false
    saving.value = true
    saveError.value = null
    const result = await send(d)
    saving.value = false
    if (!result.ok) {
      saveError.value = result.error
      return false
    }
    draft.value = null
    await reload()
    return true
  }

  return { draft, saving, saveError, edit, cancel, save }
}
