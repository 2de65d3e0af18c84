/**
 * Keyboard at the counter: Enter moves to the next field and saves from the last one;
 * Ctrl+Enter saves from anywhere. Selects keep Enter for their own list.
 */
export function enterMoves(event: KeyboardEvent, save: () => void): void {
  if (event.key !== 'Enter' || event.isComposing) return
  const target = event.target as HTMLElement
  const form = event.currentTarget as HTMLElement
  if (event.ctrlKey) {
    event.preventDefault()
    save()
    return
  }
  if (target.closest('.el-select') || target.tagName === 'TEXTAREA') return
  const fields = [...form.querySelectorAll<HTMLInputElement>('input:not([disabled])')].filter(
    (el) => !el.closest('.el-select') && el.type !== 'hidden' && el.type !== 'radio',
  )
  const next = fields[fields.indexOf(target as HTMLInputElement) + 1]
  event.preventDefault()
  if (next) next.focus()
  else save()
}

/** Keys the card would act on (leave, F4, F6) stay inside an open form. */
export function keepKeysInside(event: KeyboardEvent): void {
  if (['Escape', 'F4', 'F6'].includes(event.key)) event.stopPropagation()
}
