import { addressFieldNames, personFieldNames } from '../accounts/domain'
/*
 * Names for the fields a schema leaves unlabelled, by key, shared by every channel. Ids the clerk
 * never types name the thing instead («Счет не найден»): a bad id means the screen lost its
 * record, and that is all the clerk can act on.
 */

/** Ids of records a screen sends on its own: any problem with one reads as the record missing. */
export const idNotFound: Readonly<Record<string, string>> = {
  accountId: 'Счет не найден',
  exceptAccountId: 'Счет не найден',
  paymentId: 'Платеж не найден',
  meterId: 'Счетчик не найден',
  readingId: 'Показание не найдено',
  shiftId: 'Смена не найдена',
  commandId: 'Команда синхронизации не найдена',
  jobId: 'Выгрузка не найдена',
  customerId: 'Абонент не найден',
  linkId: 'Связанное лицо не найдено',
  tariffId: 'Тариф не найден',
  requestId: 'Заявка не найдена',
  appealId: 'Обращение не найдено',
  attachmentId: 'Вложение не найдено',
  sha256: 'Вложение не найдено',
}

/** Ids that are a choice on some screens (labelled there) and a record's own id elsewhere. */
export const chosenIdNotFound: Readonly<Record<string, string>> = {
  supplierId: 'Поставщик не найден',
  officeId: 'Офис не найден',
  operatorId: 'Оператор не найден',
  branchId: 'Филиал не найден',
}

/** Labels of fields no schema labels, as the screens that show them call them. */
export const keyLabels: Readonly<Record<string, string>> = {
  holder: 'Владелец счета',
  person: 'Связанное лицо',
  address: 'Адрес',
  changes: 'Изменения',
  meter: 'Новый счетчик',
  meters: 'Приборы учета',
  saveAsPdf: 'Сохранить в PDF',
  resume: 'Продолжить печать',
  finalReadings: 'Конечные показания',
  initialReadings: 'Начальные показания',
  supervisor: 'Подтверждение старшего смены',
  filters: 'Условия отчета',
  lines: 'Суммы по услугам',
  limit: 'Количество строк',
  offset: 'Начало страницы',
  ...personFieldNames,
  ...addressFieldNames,
  service: 'Услуга',
  zone: 'Зона',
  values: 'Показания',
  value: 'Значение',
  amount: 'Сумма',
  document: 'Документ',
  layout: 'Формат чека',
  kind: 'Вид',
  note: 'Примечание',
  reason: 'Причина',
  date: 'Дата',
  from: 'Дата с',
  to: 'Дата по',
  period: 'Расчетный период',
  T1: 'Зона T1',
  T2: 'Зона T2',
  T3: 'Зона T3',
}
