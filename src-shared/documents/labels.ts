import type { Service } from '../accounts/domain'
import type { PaymentChannel, PaymentMethod } from '../payments/domain'

/** Service names as the payer reads them on a receipt (unabbreviated, unlike the screens). */
export const serviceNames: Record<Service, string> = {
  electricity: 'Электроэнергия',
  hot_water: 'Горячая вода',
  heating: 'Отопление',
  common_needs: 'Электроэнергия на общедомовые нужды',
}

export const methodNames: Record<PaymentMethod, string> = {
  cash: 'Наличные',
  card: 'Банковская карта',
  transfer: 'Безналичный перевод',
}

/** How the money goes back when a payment is cancelled. */
export const refundMethodNames: Record<PaymentMethod, string> = {
  cash: 'Возврат наличными',
  card: 'Возврат на банковскую карту',
  transfer: 'Возврат безналичным переводом',
}

/** Where a payment came in, as a statement names it. */
export const channelNames: Record<PaymentChannel, string> = {
  office: 'касса',
  bank: 'банк',
  portal: 'личный кабинет',
  post: 'почта',
}
