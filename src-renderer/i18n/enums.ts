import { useI18n } from 'vue-i18n'
import type { Messages } from './ru'

export type EnumGroup = keyof Messages['enums']

/**
 * Labels for the API's code values (services, relations, sources...). Some fields are typed as
 * plain strings in the contract, so an unknown value is shown as is rather than as a key path.
 */
export function useEnumLabel(): (group: EnumGroup, value: string) => string {
  const { t, te } = useI18n()
  return (group, value) => {
    const key = `enums.${group}.${value}`
    return te(key) ? t(key) : value
  }
}
