import { settingDefinitions, type SettingKey, type SettingValue } from '../settings/definitions'

/** The settings the reading rules read; the caller takes the ones in force on the entry date. */
export const readingSettingKeys = [
  'readingCutoffDay',
  'readingWarningBand',
  'readingErrorBand',
  'readingMinDeviation',
  'readingNoHistoryDailyCeiling',
  'readingZoneShare',
  'readingHistoryMinMonths',
  'readingHistoryWindowMonths',
] as const satisfies readonly SettingKey[]

export type ReadingSettingKey = (typeof readingSettingKeys)[number]
export type ReadingRuleSettings = { [K in ReadingSettingKey]: SettingValue<K> }
export type ConsumptionBand = ReadingRuleSettings['readingWarningBand']

/** Collects the reading settings through a lookup such as main's `readSetting(db, key, date)`. */
export function readingRulesFrom(
  get: <K extends ReadingSettingKey>(key: K) => SettingValue<K>,
): ReadingRuleSettings {
  const entries = readingSettingKeys.map((key) => [key, get(key)])
  return Object.fromEntries(entries) as ReadingRuleSettings
}

/** The defaults, where no settings row says otherwise. */
export function defaultReadingRules(): ReadingRuleSettings {
  // Copies, so a caller adjusting one case does not change the definitions.
  return readingRulesFrom(
    (key) => JSON.parse(JSON.stringify(settingDefinitions[key].default)) as never,
  )
}
