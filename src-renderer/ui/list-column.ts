/** A table column: a row's field as it is (`prop`), or as `text` shows it. */
export interface ListColumn<T> {
  label: string
  /** The least width in px; with `exact`, the width. */
  width: number
  exact?: boolean
  align?: 'left' | 'right'
  prop?: string
  text?: (row: T) => string
  /** A mark behind the text (an overdue flag), or none for this row. */
  tag?: (row: T) => ColumnTag | null
}

export interface ColumnTag {
  text: string
  type: 'success' | 'warning' | 'danger' | 'info'
}
