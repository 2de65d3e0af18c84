import { ref } from 'vue'
import type { ApiResult } from '../../src-shared/api/result'

/**
 * The save of a settings tab's dated value (a price, a tariff, a setting): busy while it runs;
 * refused, each field's message under its field and the refusal's message by the form, while
 * what was typed stays; saved, both cleared.
 */
export function useDatedSave() {
  const saving = ref(false)
  const fields = ref<Record<string, string>>({})
  const error = ref<string | null>(null)

  function clear(): void {
    fields.value = {}
    error.value = null
  }

  /** True when saved. */
  async function send(save: () => Promise<ApiResult<unknown>>): Promise<boolean> {
    saving.value = true
    const result = await save()
    saving.value = false
    fields.value = result.ok ? {} : (result.error.fields ?? {})
    error.value = result.ok ? null : result.error.message
    return result.ok
  }

  return { saving, fields, error, clear, send }
}
