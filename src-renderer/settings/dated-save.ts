import { ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { useSaveWords } from './save-words'
import type { ApiResult } from '../../src-shared/api/result'

/**
 * The save of a settings tab's dated value (a price, a tariff, a setting): busy while it runs;
 * refused, each field's message under its field and the refusal's message by the form, while
 * what was typed stays; saved, both cleared.
 */
export function useDatedSave() {
  const { t } = useI18n()
  const words = useSaveWords()
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

  /** DatedValueForm's props for the tab's value `name` (setting, tariff): its words and state. */
  function form(name: string) {
    return {
      name,
      dateLabel: t(`settings.${name}.validFrom`),
      dateError: fields.value.validFrom,
      ...words.value,
      busy: saving.value,
    }
  }

  return { saving, fields, error, clear, send, form }
}
