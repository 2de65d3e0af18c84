/** Excel's row limit per sheet. */
export const maxSheetRows = 1_048_576

export interface SheetPart {
  /** Sheet name: the report's, then «(2)», «(3)»... for the continuation sheets. */
  name: string
  /** Data rows [start, end) of this sheet. */
  start: number
  end: number
}

/**
 * How the data rows spread over sheets when each sheet also carries `overhead` rows (filters,
 * header, totals). Excel refuses sheets over 1,048,576 rows; an empty report is one sheet.
 */
export function sheetParts(
  name: string,
  rowCount: number,
  overhead: number,
  limit = maxSheetRows,
): SheetPart[] {
  const perSheet = limit - overhead
  if (perSheet < 1) throw new Error(`no room for rows: limit ${limit}, overhead ${overhead}`)
  const parts: SheetPart[] = []
  for (let start = 0; start < rowCount || parts.length === 0; start += perSheet) {
    const n = parts.length + 1
    const suffix = n === 1 ? '' : ` (${n})`
    parts.push({
      name: name.slice(0, 31 - suffix.length) + suffix,
      start,
      end: Math.min(rowCount, start + perSheet),
    })
  }
  return parts
}

/** Kopecks as the number a money cell holds: roubles, formatted to two places by the sheet. */
export function roublesOf(kopecks: number): number {
  return kopecks / 100
}

/** A YYYY-MM-DD date as Excel's day serial (days since 1899-12-30). */
export function excelDate(isoDate: string): number {
  return Date.parse(`${isoDate.slice(0, 10)}T00:00:00Z`) / 86_400_000 + 25_569
}

/** An ISO instant as Excel's serial of the same wall-clock time at a UTC offset (minutes). */
export function excelDateTime(iso: string, offsetMinutes: number): number {
  return (Date.parse(iso) + offsetMinutes * 60_000) / 86_400_000 + 25_569
}
