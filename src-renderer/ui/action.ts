import type { Component } from 'vue'

/** A button of a screen's or a dialog's row of actions, as data (ActionButtons shows the row). */
export interface Action {
  label: string
  /** A line's link that no test presses may go without one. */
  testid?: string
  run: () => unknown
  icon?: Component
  type?: 'primary' | 'danger'
  plain?: boolean
  loading?: boolean
  disabled?: boolean
  /** False leaves the button out (an action this state or role does not offer). */
  shown?: boolean
}

/** A small link in each line of a LinesTable, for the lines `shown` lets it stand in. */
export interface RowAction<R> {
  label: string
  testid?: string
  danger?: boolean
  shown?: (row: R) => boolean
  run: (row: R) => void
}
