import type { Component } from 'vue'

/** A button of a screen's or a dialog's row of actions, as data (ActionButtons shows the row). */
export interface Action {
  label: string
  testid: string
  run: () => unknown
  type?: 'primary' | 'danger'
  icon?: Component
  loading?: boolean
  disabled?: boolean
  /** False leaves the button out (an action this state or role does not offer). */
  shown?: boolean
}
