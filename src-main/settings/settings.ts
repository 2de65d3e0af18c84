import {
  settingDefinitions,
  type SettingKey,
  type SettingValue,
} from '../../src-shared/settings/definitions'
import type { Db } from '../db/connection'
import { prepared } from '../db/prepared'

/** The value in force on `date` (YYYY-MM-DD): the latest row from that date or before, else the default. */
export function readSetting<K extends SettingKey>(db: Db, key: K, date: string): SettingValue<K> {
  const def = settingDefinitions[key]
  const row = prepared(
    db.$client,
    'SELECT value FROM settings WHERE key = ? AND valid_from <= ? ORDER BY valid_from DESC LIMIT 1',
  ).get(key, date) as { value: string } | undefined
  if (!row) return def.default as SettingValue<K>
  const parsed = def.schema.safeParse(JSON.parse(row.value))
  return (parsed.success ? parsed.data : def.default) as SettingValue<K>
}
