import type { ListColumn } from './list-column'

/**
 * A LinesTable column: a field as it is (`prop`), as `text` shows it (in tabular digits with
 * `tabular`), or drawn by the table's slot named `cell` (a tag, an amount, a button).
 */
export interface LinesColumn<R> extends ListColumn<R> {
  cell?: string
  tabular?: boolean
}
