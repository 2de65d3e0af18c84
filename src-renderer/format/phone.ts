import { formatPhone as formatStoredPhone } from '../../src-shared/accounts/phone'

/** "+79161234567" → "+7 (916) 123-45-67"; null → empty. */
export function formatPhone(phone: string | null | undefined): string {
  return phone ? formatStoredPhone(phone) : ''
}
