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

/** Columns several reports share: one title and width each. */
const column = {
  account: text('account', 'Лицевой счет', 13),
  holder: text('holder', 'Владелец', 28),
  address: text('address', 'Адрес', 40),
  phone: text('phone', 'Телефон', 14),
  office: text('office', 'Офис', 18),
  workstation: text('workstation', 'Рабочее место', 14),
  cashier: text('cashier', 'Кассир', 24),
  operator: text('operator', 'Оператор', 28),
  payer: text('payer', 'Плательщик', 28),
  method: text('method', 'Способ оплаты', 16),
  meter: text('meter', 'Счетчик', 14),
}

/** A per-account line's first columns (AccountLineRow): the account, its holder, address, phone. */
const accountLineColumns = [column.account, column.holder, column.address, column.phone]

/** Each report's columns, in order: the rows built in main follow them. */
export const reportColumns = {
  payments: [
    date('day', 'Дата'),
    instant('paidAt', 'Время'),
    text('receipt', 'Чек', 12),
    column.account,
    column.payer,
    column.cashier,
    column.method,
    column.office,
    text('supplier', 'Поставщик', 22),
    text('service', 'Услуга', 20),
    money('amount', 'Сумма, руб.'),
    column.phone,
  ],
  shifts: [
    column.office,
    column.workstation,
    column.cashier,
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
    column.account,
    column.payer,
    column.method,
    money('amount', 'Сумма, руб.'),
    text('reason', 'Причина', 30),
    column.cashier,
    text('supervisor', 'Подтвердил', 24),
  ],
  readings: [
    instant('enteredAt', 'Введено'),
    date('readingDate', 'Дата показаний'),
    column.account,
    column.holder,
    column.meter,
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
    column.meter,
    date('lastReading', 'Последние показания'),
    column.office,
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
    column.operator,
    text('action', 'Действие', 28),
    count('count', 'Количество'),
    instant('first', 'Первое'),
    instant('last', 'Последнее'),
  ],
  personalData: [
    instant('at', 'Когда'),
    column.operator,
    column.workstation,
    text('action', 'Действие', 24),
    column.account,
    text('details', 'Что именно', 40),
  ],
} satisfies Record<ReportKind, ReportColumn[]>

/** The company-wide versions the central server builds: the branch first, then the same columns. */
export const centralReportColumns = {
  payments: [text('branch', 'Филиал', 22), ...reportColumns.payments],
  debtors: [text('branch', 'Филиал', 22), ...reportColumns.debtors],
}
