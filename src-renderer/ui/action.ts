import type { Component } from 'vue'

/** A button of an ActionBar: what it says, its icon and test id, and what it does. */
export interface Action {
  label: string
  testid: string
  run: () => void
  icon?: Component
  type?: 'primary' | 'danger'
  plain?: boolean
  loading?: boolean
  disabled?: boolean
  /** Left out when false (the operator's role, the account's state). */
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
