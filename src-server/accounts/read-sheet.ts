import { readFile, stat } from 'node:fs/promises'
import { extname } from 'node:path'
import { Worker } from 'node:worker_threads'
import { parse } from 'csv-parse/sync'

/** Bounds on an import file: its size, its rows, and the spreadsheet parser's time and memory. */
export interface SheetLimits {
  maxBytes: number
  maxRows: number
  timeoutMs: number
  memoryMb: number
}

export const defaultSheetLimits: SheetLimits = {
  maxBytes: 20 * 1024 * 1024,
  maxRows: 200_000,
  timeoutMs: 60_000,
  memoryMb: 512,
}

/** An import file refused as a whole, with the Russian reason. */
export class SheetRefused extends Error {}

/** The rows of an .xlsx or .csv file as cell texts (the first row is the header), within bounds. */
export async function readSheetRows(
  file: string,
  limits: SheetLimits = defaultSheetLimits,
): Promise<(string | null)[][]> {
  const kind = extname(file).toLowerCase()
  if (kind !== '.xlsx' && kind !== '.csv') {
    throw new SheetRefused('Файл загрузки: только .xlsx или .csv.')
  }
  const size = (await stat(file)).size
  if (size > limits.maxBytes) {
    throw new SheetRefused(
      `Файл загрузки: больше ${Math.floor(limits.maxBytes / 1024 / 1024)} МБ, разделите его на части.`,
    )
  }
  const bytes = await readFile(file)
  const rows = kind === '.csv' ? csvRows(bytes) : await xlsxRows(bytes, limits)
  if (rows.length - 1 > limits.maxRows) {
    throw new SheetRefused(`Файл загрузки: больше ${limits.maxRows} строк, разделите его на части.`)
  }
  return rows
}

/** CSV as Excel saves it in Russian locales (";") or as most tools do (","), with or without BOM. */
function csvRows(bytes: Buffer): (string | null)[][] {
  const text = bytes.toString('utf8')
  const header = text.slice(0, text.search(/\r?\n|$/u))
  const delimiter = header.includes(';') && !header.includes(',') ? ';' : ','
  try {
    return parse(text, {
      bom: true,
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as string[][]
  } catch (error) {
    throw new SheetRefused(`Файл загрузки: не читается как CSV (${(error as Error).message}).`)
  }
}

/** An .xlsx is a ZIP archive: anything else is refused before the parser sees it. */
const zipMagic = Buffer.from([0x50, 0x4b, 0x03, 0x04])

function xlsxRows(bytes: Buffer, limits: SheetLimits): Promise<(string | null)[][]> {
  if (!bytes.subarray(0, 4).equals(zipMagic)) {
    return Promise.reject(new SheetRefused('Файл загрузки: это не файл .xlsx.'))
  }
  const script = new URL('./sheet-worker.ts', import.meta.url)
  const worker = new Worker(script, {
    workerData: { bytes: new Uint8Array(bytes), maxRows: limits.maxRows },
    // From source the thread needs tsx's loader, as the sync thread does.
    execArgv: ['--import', 'tsx'],
    resourceLimits: {
      maxOldGenerationSizeMb: limits.memoryMb,
      maxYoungGenerationSizeMb: 64,
      stackSizeMb: 4,
    },
  })
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void worker.terminate()
      reject(
        new SheetRefused(
          `Файл загрузки: разбор дольше ${limits.timeoutMs / 1000} с, файл отклонен.`,
        ),
      )
    }, limits.timeoutMs)
    worker.once('message', (rows: (string | null)[][]) => {
      clearTimeout(timer)
      void worker.terminate()
      resolve(rows)
    })
    worker.once('error', (error) => {
      clearTimeout(timer)
      const memory = (error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY'
      reject(
        new SheetRefused(
          memory
            ? `Файл загрузки: разбор занял больше ${limits.memoryMb} МБ памяти, файл отклонен.`
            : `Файл загрузки: не читается как .xlsx (${error.message}).`,
        ),
      )
    })
    worker.once('exit', (code) => {
      clearTimeout(timer)
      reject(new SheetRefused(`Файл загрузки: разбор прерван (код ${code}).`))
    })
  })
}
