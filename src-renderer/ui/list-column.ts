/** A column of a ListWithEdit: a row's field as it is (`prop`), or as `text` shows it. */
export interface ListColumn<T> {
  label: string
  width: number
  prop?: string
  text?: (row: T) => string
}
