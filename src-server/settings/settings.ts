import { sql } from 'drizzle-orm'
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
