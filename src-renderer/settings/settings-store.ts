import { defineStore } from 'pinia'
import type { ApiResult } from '../../src-shared/api/result'
import { formatKopecks } from '../../src-shared/money/format'
import { parseAmount } from '../../src-shared/money/parse-amount'
import type { SettingRow } from '../../src-shared/settings/contract'
import type { EditableSettingKey } from '../../src-shared/settings/schemas'
import { call } from '../api/client'
import { thenReload, useLoaded } from '../api/loaded'
import { translate } from '../i18n'

// Settings kept in kopecks and typed in roubles; settings typed as whole numbers.
const amountKeys: readonly EditableSettingKey[] = [
  'debtAlertThreshold',
  'shiftDifferenceSupervisorThreshold',
]
const numberKeys: readonly EditableSettingKey[] = ['passwordMinLength', 'screenLockMinutes']

export function isAmountSetting(key: EditableSettingKey): boolean {
  return amountKeys.includes(key)
}

/** A setting's value as the admin types it: kopecks as roubles ("1 500,00"), by integer math. */
export function typedSetting(key: EditableSettingKey, value: string | number): string {
  return isAmountSetting(key) ? formatKopecks(Number(value)) : String(value)
}

/** What the admin typed as the value the contract takes, or the refusal naming the field. */
function settingValue(
  key: EditableSettingKey,
  typed: string,
): { ok: true; value: string | number } | { ok: false; message: string } {
  if (isAmountSetting(key)) {
    const amount = parseAmount(typed, { allowZero: true })
    return amount.ok
      ? { ok: true, value: amount.kopecks }
      : { ok: false, message: `${translate(`settings.setting.keys.${key}`)}: ${amount.message}` }
  }
  // A number the schema checks (whole, within bounds); text that is none stays text.
  if (numberKeys.includes(key) && /^\s*\d+\s*$/u.test(typed))
    return { ok: true, value: Number(typed) }
  return { ok: true, value: typed }
}

/**
 * The settings tab: each dated setting in force today with its next value, and a new value from
 * a date (reference.setSetting, the admin's live session).
 */
export const useSettingsStore = defineStore('settings', () => {
  const rows = useLoaded(() => call('settings.settings', {}), [] as SettingRow[], {
    emptyOnFailure: true,
  })

  /** Sets a value typed by the admin from a date; the list is read again once saved. */
  async function save(
    key: EditableSettingKey,
    typed: string,
    validFrom: string,
  ): Promise<ApiResult<null>> {
    const value = settingValue(key, typed)
    if (!value.ok) {
      return {
        ok: false,
        error: { code: 'invalid_input', message: value.message, fields: { value: value.message } },
      }
    }
    return thenReload(
      call('settings.setSetting', { key, value: value.value, validFrom }),
      rows.load,
    )
  }

  return { rows: rows.value, error: rows.error, load: rows.load, save }
})
