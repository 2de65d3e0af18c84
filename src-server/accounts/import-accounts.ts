import { sql } from 'drizzle-orm'
import { uuidv7 } from 'uuidv7'
import { registerAccountSchema, type RegisterAccountArgs } from '../../src-shared/accounts/schemas'
import { validate } from '../../src-shared/api/validation'
import type { ServerDb } from '../db/connection'
import { queryRows } from '../db/query'
import { SyncedWriter } from '../sync/synced-write'
import { insertAccount } from './insert-account'
import { defaultSheetLimits, readSheetRows, SheetRefused, type SheetLimits } from './read-sheet'

/** Columns of an import file (first row), in the order a template lists them. */
export const importColumns = [
  'number',
  'els',
  'last_name',
  'first_name',
  'middle_name',
  'phone',
  'email',
  'relation',
  'region',
  'settlement',
  'street',
  'house',
  'building',
  'flat',
  'total_area',
  'living_area',
  'rooms',
  'residents',
  'tariff_group',
  /** "electricity:<supplier id>; hot_water:<supplier id>" */
  'services',
] as const

export interface ImportError {
  /** Line in the file (1 = the header). */
  line: number
  message: string
}

export interface ImportReport {
  imported: number
  errors: ImportError[]
}

type Cells = Partial<Record<(typeof importColumns)[number], string | null>>

const text = (v: string | null | undefined) => (v === undefined || v === null ? null : String(v))
const int = (v: string | null | undefined) =>
  v === null || v === undefined || v === '' ? undefined : Number(v)

function toInput(cells: Cells, officeId: string) {
  return {
    number: text(cells.number) ?? '',
    els: text(cells.els),
    officeId,
    holder: {
      lastName: text(cells.last_name) ?? '',
      firstName: text(cells.first_name) ?? '',
      middleName: text(cells.middle_name),
      phone: text(cells.phone),
      email: text(cells.email),
    },
    relation: text(cells.relation) ?? 'owner',
    address: {
      region: text(cells.region) ?? '',
      settlement: text(cells.settlement) ?? '',
      street: text(cells.street) ?? '',
      house: text(cells.house) ?? '',
      building: text(cells.building),
      flat: text(cells.flat),
    },
    totalArea: text(cells.total_area),
    livingArea: text(cells.living_area),
    rooms: int(cells.rooms) ?? null,
    residents: int(cells.residents) ?? 0,
    tariffGroup: text(cells.tariff_group) ?? '',
    services: (text(cells.services) ?? '')
      .split(/[;,]/u)
      .map((s) => s.trim())
      .filter(Boolean)
      .map((s) => {
        const [service, supplierId] = s.split(':').map((x) => x.trim())
        return { service, supplierId: supplierId ?? '' }
      }),
    notes: null,
  }
}

/**
 * Rows keyed by the known columns only (a header the template does not list is ignored); an empty
 * cell is null, as in a spreadsheet.
 */
function cellsOf(table: (string | null)[][]): Cells[] {
  const header = (table[0] ?? []).map((h) => (h ?? '').trim().toLowerCase())
  const at = importColumns.map((c) => [c, header.indexOf(c)] as const).filter(([, i]) => i >= 0)
  return table.slice(1).map((cells) => {
    const row: Cells = {}
    for (const [column, i] of at) row[column] = cells[i] || null
    return row
  })
}

/**
 * Imports accounts of one office from an .xlsx or .csv file. Every bad row is reported with its
 * line and the Russian reason; a file with errors imports nothing unless `skipBad`.
 */
export async function importAccounts(
  db: ServerDb,
  options: {
    file: string
    officeId: string
    skipBad?: boolean
    at?: string
    limits?: SheetLimits
  },
): Promise<ImportReport> {
  let rows: Cells[]
  try {
    rows = cellsOf(await readSheetRows(options.file, options.limits ?? defaultSheetLimits))
  } catch (error) {
    if (!(error instanceof SheetRefused)) throw error
    return { imported: 0, errors: [{ line: 0, message: error.message }] }
  }
  const [office] = await queryRows<{ branchId: string }>(
    db,
    sql`SELECT branch_id AS "branchId" FROM offices WHERE id = ${options.officeId}`,
  )
  if (!office) return { imported: 0, errors: [{ line: 0, message: 'Офис не найден.' }] }
  const suppliers = new Set(
    (await queryRows<{ id: string }>(db, sql`SELECT id FROM suppliers`)).map((r) => r.id),
  )
  const numbers = rows
    .map((r) =>
      String(r.number ?? '')
        .trim()
        .toUpperCase(),
    )
    .filter(Boolean)
  const taken = new Set(
    numbers.length === 0
      ? []
      : (
          await queryRows<{ number: string }>(
            db,
            sql`SELECT number FROM accounts
                 WHERE number IN (${sql.join(
                   numbers.map((n) => sql`${n}`),
                   sql`, `,
                 )})`,
          )
        ).map((r) => r.number),
  )

  const errors: ImportError[] = []
  const good: RegisterAccountArgs[] = []
  const seen = new Map<string, number>()
  rows.forEach((cells, i) => {
    const line = i + 2
    const parsed = validate(registerAccountSchema, toInput(cells, options.officeId))
    if (!parsed.ok) {
      errors.push({ line, message: parsed.error.message })
      return
    }
    const args = parsed.value
    const unknown = args.services.find((s) => !suppliers.has(s.supplierId))
    if (unknown) {
      errors.push({ line, message: `Поставщик: ${unknown.supplierId} не найден.` })
      return
    }
    if (taken.has(args.number)) {
      errors.push({ line, message: `Номер лицевого счета: ${args.number} уже есть.` })
      return
    }
    const earlier = seen.get(args.number)
    if (earlier) {
      errors.push({
        line,
        message: `Номер лицевого счета: ${args.number} уже в строке ${earlier}.`,
      })
      return
    }
    seen.set(args.number, line)
    good.push(args)
  })
  if (errors.length > 0 && !options.skipBad) return { imported: 0, errors }
  const at = options.at ?? new Date().toISOString()
  await db.transaction(async (tx) => {
    const write = new SyncedWriter(tx, office.branchId)
    for (const args of good) {
      await insertAccount(write, { ...args, accountId: uuidv7(), customerId: uuidv7() }, at)
    }
    await write.flush()
  })
  return { imported: good.length, errors }
}
