import { useI18n } from 'vue-i18n'
import type { Notification } from '../../src-shared/notifications/notifications'
import { formatDate, formatPeriod } from '../format/date'
import { formatMoney } from '../format/money'

/** One alert as the sentence the card shows. */
export function useNotificationText(): (alert: Notification) => string {
  const { t } = useI18n()
  return (a) => {
    const named = {
      serial: a.meterSerial ?? '',
      date: formatDate(a.date ?? null),
      period: a.period ? formatPeriod(a.period) : '',
      amount: formatMoney(a.amount ?? 0),
      number: a.number ?? '',
    }
    if (a.kind === 'verification_expired' && !a.date) {
      return t('notifications.card.verification_expiredNoDate', named)
    }
    return t(`notifications.card.${a.kind}`, named)
  }
}
