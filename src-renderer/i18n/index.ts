import { createI18n } from 'vue-i18n'
import en from './en'
import ru, { type Messages } from './ru'

export type Locale = 'ru' | 'en'

export const i18n = createI18n<[Messages], Locale, false>({
  legacy: false,
  locale: 'ru',
  fallbackLocale: 'ru',
  messages: { ru, en },
})

/** For code outside components (the API client, stores): the active locale's text. */
export function translate(key: string, named?: Record<string, unknown>): string {
  return named ? i18n.global.t(key, named) : i18n.global.t(key)
}
