import { settingDefinitions, type SettingKey, type SettingValue } from '../settings/definitions'
import type { Dated } from './dated'
import type { DueDays, EstimateRule, Norms, PenaltyLaw } from './law'

/** Everything billing reads from the dated settings. */
export interface BillingLaw {
  penalty: PenaltyLaw
  dueDays: DueDays
  estimate: Dated<EstimateRule | null>[]
  norms: Dated<Norms | null>[]
}

export interface SettingRow {
  key: string
  validFrom: string
  /** JSON */
  value: string
}

/** The dated rows of each billing setting; a row that does not parse is refused loudly. */
export function billingLawOf(rows: readonly SettingRow[]): BillingLaw {
  const dated = <K extends SettingKey>(key: K): Dated<SettingValue<K>>[] =>
    rows
      .filter((r) => r.key === key)
      .map((r) => {
        const parsed = settingDefinitions[key].schema.safeParse(JSON.parse(r.value))
        if (!parsed.success) throw new Error(`настройка ${key} с ${r.validFrom}: неверное значение`)
        return { from: r.validFrom, value: parsed.data as SettingValue<K> }
      })
  return {
    penalty: {
      keyRate: dated('penaltyKeyRate'),
      rateCap: dated('penaltyRateCap'),
      moratorium: dated('penaltyMoratorium'),
      schedule: dated('penaltySchedule'),
    },
    dueDays: dated('billDueDay'),
    estimate: dated('billingEstimate'),
    norms: dated('billingNorms'),
  }
}

/** The setting keys billing reads. */
export const billingSettingKeys: SettingKey[] = [
  'penaltyKeyRate',
  'penaltyRateCap',
  'penaltyMoratorium',
  'penaltySchedule',
  'billDueDay',
  'billingEstimate',
  'billingNorms',
]
