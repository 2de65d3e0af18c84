import { z } from 'zod'

/**
 * Settings that a company or the law may change, each valid from a date (settings table).
 * The defaults apply until a row says otherwise.
 */
export const settingDefinitions = {
  screenLockMinutes: { schema: z.number().int().min(1).max(240), default: 10 },
  officeTimeZone: { schema: z.string().min(1), default: 'Europe/Moscow' },
  readingCutoffDay: { schema: z.number().int().min(1).max(31), default: 25 },
  /** Kopecks of debt from which the account card shows an alert. */
  debtAlertThreshold: { schema: z.number().int().min(0), default: 500_000 },
} as const

export type SettingKey = keyof typeof settingDefinitions
export type SettingValue<K extends SettingKey> = z.output<(typeof settingDefinitions)[K]['schema']>
