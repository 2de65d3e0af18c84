import type { ReadingSource, ReadingStatus } from '../readings/domain'
import type { ReportKind } from './contract'

// The words of the reports, on screen and in the .xlsx (built in main, so not through vue-i18n).

export const reportTitles: Record<ReportKind, string> = {
  payments: 'Реестр платежей',
  shifts: 'Кассовые смены',
  cancellations: 'Отмены платежей',
  readings: 'Принятые показания',
  missingReadings: 'Счета без показаний за период',
  debtors: 'Должники',
  meters: 'Поверка счетчиков',
  activity: 'Действия операторов',
  personalData: 'Кто смотрел персональные данные',
}

/** Sheet names: Russian, at most 31 characters. */
export const sheetNames: Record<ReportKind, string> = {
  payments: 'Платежи',
  shifts: 'Смены',
  cancellations: 'Отмены',
  readings: 'Показания',
  missingReadings: 'Без показаний',
  debtors: 'Должники',
  meters: 'Поверка',
  activity: 'Действия',
  personalData: 'Доступ к ПДн',
}

export const filterLabels = {
  period: 'Период',
  asOf: 'На дату',
  office: 'Офис',
  operator: 'Оператор',
  supplier: 'Поставщик',
  service: 'Услуга',
  minDebt: 'Долг от, руб.',
  minDays: 'Просрочка от, дней',
  months: 'Поверка истекает в течение, мес.',
  built: 'Сформирован',
  all: 'все',
  cancelledExcluded: 'Отмененные платежи не включены',
}

export const sourceNames: Record<ReadingSource, string> = {
  phone: 'По телефону',
  office: 'В офисе',
  portal: 'Личный кабинет',
  control: 'Контрольное снятие',
  bill: 'С квитанции',
}

export const readingStatusNames: Record<ReadingStatus, string> = {
  accepted: 'Принято',
  rejected: 'Отклонено',
  billed: 'Начислено',
}

export const shiftComparisonNames = {
  open: 'Смена открыта',
  pending: 'Не отправлено на сервер',
  same: 'Совпадает',
  differs: 'Расходится',
} as const

export const verificationNames = { expired: 'Истекла', due: 'Истекает' } as const

/** The validator's issue codes kept with a reading, in short Russian words. */
export const readingFlagNames: Record<string, string> = {
  rollover: 'переход через ноль',
  above_warning_band: 'расход выше обычного',
  below_warning_band: 'расход ниже обычного',
  above_error_band: 'расход намного выше обычного',
  below_error_band: 'расход намного ниже обычного',
  above_no_history_ceiling: 'расход выше предела без истории',
  zero_consumption: 'нулевой расход',
  fraction_not_billed: 'дробная часть не учитывается',
  verification_expired: 'истекла поверка',
  zone_ratio_changed: 'изменилось соотношение зон',
  zones_swapped: 'зоны перепутаны',
}
