import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import { useFormCall } from '../format/form-call'

/**
 * A form of the requests tab (a new request, a new appeal, a status change) as GridForm draws it:
 * its name, its submit's words, Cancel closing it, and the busy mark and the refusal of its one
 * call (`run`). Bound whole: `<grid-form v-bind="form" @submit="...">`.
 */
export function useRequestsForm(name: string, submitWord: string, close: () => void) {
  const { t } = useI18n()
  const call = useFormCall()
  const form = computed(() => ({
    name,
    submit: t(submitWord),
    cancel: t('requests.cancel'),
    busy: call.busy.value,
    error: call.error.value,
    onClose: close,
  }))
  return { ...call, form }
}
