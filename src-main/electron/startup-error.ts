import { DatabaseTooNewError, MigrationIntegrityError } from '../db/migrate'

export interface StartupErrorText {
  title: string
  content: string
}

/** What the clerk reads when the replica cannot be opened; the app quits after it. */
export function startupErrorText(error: unknown, dataDir: string): StartupErrorText {
  const title = 'Программа не может запуститься'
  // These two already say, in Russian, what happened and what to do.
  if (error instanceof DatabaseTooNewError || error instanceof MigrationIntegrityError) {
    return { title, content: `${error.message}\n\nПапка данных: ${dataDir}` }
  }
  const detail = error instanceof Error ? error.message : String(error)
  return {
    title,
    content:
      'Не удалось открыть базу данных программы. Обратитесь к администратору.\n\n' +
      `Папка данных: ${dataDir}\nПодробности: ${detail}`,
  }
}
