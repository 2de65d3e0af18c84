import { sql, type SQL } from 'drizzle-orm'
import {
  settingDefinitions,
  type SettingKey,
  type SettingValue,
} from '../../src-shared/settings/definitions'
import type { ServerDb } from '../db/connection'
import { queryRows } from '../db/query'

export type SettingsOn = <K extends SettingKey>(key: K) => SettingValue<K>

/**
 * The settings in force on `date`, read once: for each key the latest row from that date or
 * before, else the default (the same rule as the workstation's readSetting).
 */
export async function settingsOn(tx: ServerDb, date: string): Promise<SettingsOn> {
  const rows = await queryRows<{ key: string; value: string }>(
    tx,
    sql`SELECT DISTINCT ON (key) key, value FROM settings
         WHERE valid_from <= ${date} AND branch_id IS NULL AND deleted_at IS NULL
         ORDER BY key, valid_from DESC`,
  )
  const byKey = new Map(rows.map((r) => [r.key, r.value]))
  return <K extends SettingKey>(key: K) => {
    const def = settingDefinitions[key]
    const raw = byKey.get(key)
    if (raw === undefined) return def.default as SettingValue<K>
    const parsed = def.schema.safeParse(JSON.parse(raw))
    return (parsed.success ? parsed.data : def.default) as SettingValue<K>
  }
}

/** The stored value of one setting on `date` as a scalar subquery (null: none stored). */
export function settingOnQuery(key: SettingKey, date: string): SQL {
  return sql`(SELECT value FROM settings
               WHERE key = ${key} AND valid_from <= ${date} AND branch_id IS NULL
                 AND deleted_at IS NULL
               ORDER BY valid_from DESC LIMIT 1)`
}

/** A setting's value from its stored text, or its default (the same rule as settingsOn). */
export function settingValue<K extends SettingKey>(key: K, raw: string | null): SettingValue<K> {
  const def = settingDefinitions[key]
  if (raw === null) return def.default as SettingValue<K>
  const parsed = def.schema.safeParse(JSON.parse(raw))
  return (parsed.success ? parsed.data : def.default) as SettingValue<K>
}
