import { isoDateSchema } from '../../src-shared/settings/schemas'
import { settingDefinitions, type SettingKey } from '../../src-shared/settings/definitions'
import type { ServerDb } from '../db/connection'
import { SyncedWriter } from '../sync/synced-write'

export interface SetSettingInput {
  key: string
  /** YYYY-MM-DD */
  validFrom: string
  /** The value as JSON text, e.g. 1550 or {"graceDays":30,...}. */
  value: string
}

/**
 * An administrator's new dated value of a global setting from the command line (a new key rate,
 * the region's norms): checked against the setting's schema, written as a synced global row the
 * workstations pull; the same date's value is replaced. Returns the refusal in Russian, or null.
 */
export async function setSetting(db: ServerDb, input: SetSettingInput): Promise<string | null> {
  if (!Object.hasOwn(settingDefinitions, input.key)) {
    return `Настройка «${input.key}» неизвестна. Известные: ${Object.keys(settingDefinitions).join(', ')}.`
  }
  const key = input.key as SettingKey
  if (!isoDateSchema.safeParse(input.validFrom).success) {
    return 'Дата начала действия (--from): укажите дату в виде ГГГГ-ММ-ДД.'
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(input.value)
  } catch {
    return `Значение (--value) настройки «${key}»: не JSON (число, строка в кавычках, объект).`
  }
  const checked = settingDefinitions[key].schema.safeParse(parsed)
  if (!checked.success) {
    return `Значение (--value) настройки «${key}» не подходит: ${checked.error.issues
      .map((i) => `${i.path.join('.') || 'значение'} — ${i.message}`)
      .join('; ')}.`
  }
  await db.transaction(async (tx) => {
    const write = new SyncedWriter(tx, null)
    await write.upsert('settings', [
      { key, validFrom: input.validFrom, value: JSON.stringify(checked.data) },
    ])
    await write.flush()
  })
  return null
}
