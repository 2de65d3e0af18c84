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

/** Audit actions as the supervisor reads them; an unknown one shows its code. */
export const actionNames: Record<string, string> = {
  login: 'Вход',
  logout: 'Выход',
  'account.view': 'Просмотр карточки счета',
  'account.form': 'Просмотр формы счета',
  'account.history': 'Просмотр истории счета',
  'payment.proposal': 'Просмотр суммы к оплате',
  'payment.history': 'Просмотр истории платежей',
  'reading.entry': 'Просмотр счета для ввода показаний',
  'reading.history': 'Просмотр истории показаний',
  'alerts.list': 'Просмотр списка предупреждений',
  'document.view': 'Просмотр документа',
  'document.print': 'Печать документа',
  'report.view': 'Просмотр отчета с персональными данными',
  'session.login_failed': 'Неверный пароль при входе',
  'session.login_locked': 'Вход отложен после неверных паролей',
  'session.unlock_failed': 'Неверный пароль при разблокировке',
  'session.unlock_locked': 'Разблокировка отложена после неверных паролей',
  'supervisor.confirm_failed': 'Неверный пароль старшего смены',
  'supervisor.confirm_locked': 'Подтверждение старшего отложено после неверных паролей',
  'account.register': 'Открытие счета',
  'account.edit': 'Изменение счета',
  'account.close': 'Закрытие счета',
  'reading.submit': 'Ввод показаний',
  'reading.delete': 'Удаление показаний',
  'payment.record': 'Прием платежа',
  'payment.cancel': 'Отмена платежа',
  'payment.reassign': 'Перенос платежа',
  'shift.open': 'Открытие смены',
  'shift.close': 'Закрытие смены',
  'meter.install': 'Установка счетчика',
  'meter.replace': 'Замена счетчика',
  'meter.remove': 'Снятие счетчика',
  'report.export': 'Выгрузка отчета',
  'setting.set': 'Изменение настройки',
  'tariff.set': 'Изменение тарифа',
  deny: 'Отказ в доступе',
}

export function actionName(action: string): string {
  return actionNames[action] ?? action
}

/** Audit actions that touch customers' personal data: who viewed or exported what. */
export const personalDataActions = [
  'account.view',
  'account.form',
  'account.history',
  'payment.proposal',
  'payment.history',
  'reading.entry',
  'reading.history',
  'alerts.list',
  'document.view',
  'document.print',
  'report.view',
  'report.export',
] as const

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
