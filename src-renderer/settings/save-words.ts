import { computed } from 'vue'
import { useI18n } from 'vue-i18n'

/** The settings forms' save and cancel words, as FormButtons and DatedValueForm take them. */
export function useSaveWords() {
  const { t } = useI18n()
  return computed(() => ({ submit: t('settings.save'), cancel: t('settings.cancel') }))
}
