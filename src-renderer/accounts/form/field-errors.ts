import { computed, reactive, ref, type Ref } from 'vue'

/**
 * Which field errors the account forms show: the shared schema's, for fields the clerk has left
 * (or all after a save attempt), plus what the handler refused, until that field changes.
 */
export function useFieldErrors(errors: () => Record<string, string>) {
  const touched = reactive(new Set<string>())
  const submitted = ref(false)
  const serverErrors: Ref<Record<string, string>> = ref({})
  const visibleErrors = computed(() => {
    const out: Record<string, string> = {}
    for (const [key, message] of Object.entries(errors()))
      if (submitted.value || touched.has(key)) out[key] = message
    return { ...out, ...serverErrors.value }
  })
  function onTouch(key: string): void {
    touched.add(key)
    delete serverErrors.value[key]
  }
  function reset(): void {
    touched.clear()
    submitted.value = false
    serverErrors.value = {}
  }
  return { submitted, serverErrors, visibleErrors, onTouch, reset }
}
