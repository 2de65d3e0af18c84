import type { ReportKind } from './contract'
import type { ReportColumn } from './table'

const text = (key: string, title: string, width = 16): ReportColumn => ({
  key,
  title,
  type: 'text',
  width,
})
const money = (key: string, title: string, total = true): ReportColumn => ({
  key,
  title,
  type: 'money',
  width: 14,
  total,
})
const count = (key: string, title: string, total = true): ReportColumn => ({
  key,
  title,
  type: 'count',
  width: 10,
  total,
})
const date = (key: string, title: string): ReportColumn => ({ key, title, type: 'date', width: 12 })
const instant = (key: string, title: string): ReportColumn => ({
  key,
  title,
  type: 'datetime',
  width: 17,
})

/** A per-account line's first columns (AccountLineRow): the account, its holder, address, phone. */
const accountLineColumns = [
  text('account', 'Лицевой счет', 13),
  text('holder', 'Владелец', 28),
  text('address', 'Адрес', 40),
  text('phone', 'Телефон', 14),
]

/** Each report's columns, in order: the rows built in main follow them. */
export const reportColumns = {
  payments: [
    date('day', 'Дата'),
    instant('paidAt', 'Время'),
    text('receipt', 'Чек', 12),
    text('account', 'Лицевой счет', 13),
    text('payer', 'Плательщик', 28),
    text('cashier', 'Кассир', 24),
    text('method', 'Способ оплаты', 16),
    text('office', 'Офис', 18),
    text('supplier', 'Поставщик', 22),
    text('service', 'Услуга', 20),
    money('amount', 'Сумма, руб.'),
    text('phone', 'Телефон', 14),
  ],
  shifts: [
    text('office', 'Офис', 18),
    text('workstation', 'Рабочее место', 14),
    text('cashier', 'Кассир', 24),
    instant('openedAt', 'Открыта'),
    instant('closedAt', 'Закрыта'),
    money('openingCash', 'Наличные на начало', false),
    money('cash', 'Наличными'),
    money('card', 'Картой'),
    money('transfer', 'Переводом'),
    count('cancellations', 'Отмен'),
    money('cancelled', 'Сумма отмен'),
    money('countedCash', 'Пересчитано', false),
    money('difference', 'Расхождение'),
    text('comparison', 'Сверка с сервером', 22),
    money('serverTotal', 'Сумма на сервере', false),
  ],
  cancellations: [
    instant('cancelledAt', 'Отменен'),
    text('cancelReceipt', 'Чек отмены', 12),
    text('receipt', 'Чек платежа', 12),
    instant('paidAt', 'Принят'),
    text('account', 'Лицевой счет', 13),
    text('payer', 'Плательщик', 28),
    text('method', 'Способ оплаты', 16),
    money('amount', 'Сумма, руб.'),
    text('reason', 'Причина', 30),
    text('cashier', 'Кассир', 24),
    text('supervisor', 'Подтвердил', 24),
  ],
  readings: [
    instant('enteredAt', 'Введено'),
    date('readingDate', 'Дата показаний'),
    text('account', 'Лицевой счет', 13),
    text('holder', 'Владелец', 28),
    text('meter', 'Счетчик', 14),
    text('zone', 'Зона', 6),
    count('value', 'Показание', false),
    count('consumption', 'Расход'),
    text('source', 'Источник', 16),
    text('status', 'Статус', 12),
    text('clerk', 'Оператор', 24),
    text('warnings', 'Предупреждения', 24),
    text('reason', 'Причина принятия', 28),
    text('acceptedBy', 'Принял старший смены', 24),
  ],
  missingReadings: [
    ...accountLineColumns,
    text('meter', 'Счетчик', 14),
    date('lastReading', 'Последние показания'),
    text('office', 'Офис', 18),
  ],
  debtors: [
    ...accountLineColumns,
    money('debt', 'Долг, руб.'),
    money('current', 'Не просрочено'),
    money('first', '1–30 дней'),
    money('second', '31–90 дней'),
    money('third', '91 день и более'),
    money('penalties', 'Пени'),
    date('lastPaymentDate', 'Последний платеж'),
    money('lastPayment', 'Сумма последнего платежа', false),
    count('days', 'Просрочка, дней', false),
  ],
  meters: [
    ...accountLineColumns,
    text('service', 'Услуга', 18),
    text('model', 'Модель', 16),
    text('serial', 'Заводской номер', 16),
    date('verifiedAt', 'Поверен'),
    date('nextVerification', 'Следующая поверка'),
    text('status', 'Состояние', 10),
    count('daysLeft', 'Осталось дней', false),
  ],
  activity: [
    text('operator', 'Оператор', 28),
    text('action', 'Действие', 28),
    count('count', 'Количество'),
    instant('first', 'Первое'),
    instant('last', 'Последнее'),
  ],
  personalData: [
    instant('at', 'Когда'),
    text('operator', 'Оператор', 28),
    text('workstation', 'Рабочее место', 14),
    text('action', 'Действие', 24),
    text('account', 'Лицевой счет', 13),
    text('details', 'Что именно', 40),
  ],
} satisfies Record<ReportKind, ReportColumn[]>

/** The company-wide versions the central server builds: the branch first, then the same columns. */
export const centralReportColumns = {
  payments: [text('branch', 'Филиал', 22), ...reportColumns.payments],
  debtors: [text('branch', 'Филиал', 22), ...reportColumns.debtors],
}
