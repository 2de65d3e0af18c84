import { addressFieldNames, personFieldNames } from '../accounts/domain'
import type { AuditChange } from './contract'

/**
 * The history's words: the kinds of entry (groups of audit actions, filtered by) and the
 * Russian name of each recorded field. One map each: a new audit action or field is one line.
 */
export const auditKinds = {
  accounts: { label: 'Лицевые счета', prefixes: ['account.'] },
  meters: { label: 'Счетчики', prefixes: ['meter.'] },
  readings: { label: 'Показания', prefixes: ['reading.'] },
  payments: { label: 'Платежи и смены', prefixes: ['payment.', 'shift.'] },
  documents: { label: 'Документы и отчеты', prefixes: ['document.', 'report.', 'print.'] },
  sessions: { label: 'Входы и блокировки', prefixes: ['session.'] },
  reference: {
    label: 'Справочники и настройки',
    prefixes: ['tariff.', 'supplier.', 'office.', 'operator.', 'setting.'],
  },
  sync: { label: 'Обмен с сервером', prefixes: ['sync.', 'workstation.'] },
} as const satisfies Record<string, { label: string; prefixes: readonly string[] }>
export type AuditKind = keyof typeof auditKinds
export const auditKindKeys = Object.keys(auditKinds) as AuditKind[]

/** The kind an action belongs to, or null for one no kind names yet. */
export function kindOfAction(action: string): AuditKind | null {
  for (const kind of auditKindKeys) {
    if (auditKinds[kind].prefixes.some((p) => action.startsWith(p))) return kind
  }
  return null
}

/** Field names by their last part; a zone (T1, T2, T3) is added after the name. */
const fieldWords: Record<string, string> = {
  number: 'Номер',
  els: 'ЕЛС',
  ...personFieldNames,
  fullName: 'ФИО',
  relation: 'Отношение к счету',
  ...addressFieldNames,
  totalArea: 'Общая площадь',
  livingArea: 'Жилая площадь',
  rooms: 'Комнат',
  residents: 'Проживающих',
  tariffGroup: 'Тарифная группа',
  services: 'Услуги',
  service: 'Услуга',
  notes: 'Примечание',
  note: 'Примечание',
  kind: 'Вид',
  given: 'Согласие дано',
  date: 'Дата',
  reason: 'Причина',
  status: 'Состояние',
  typed: 'Показание',
  initialReadings: 'Начальное показание',
  finalReadings: 'Конечное показание',
  consumption: 'Расход',
  period: 'Период',
  source: 'Источник',
  readingDate: 'Дата показания',
  confirmReason: 'Причина подтверждения',
  acceptedBy: 'Принял старший смены',
  supervisor: 'Старший смены',
  model: 'Модель',
  serialNumber: 'Заводской номер',
  zones: 'Тарифность (зон)',
  intDigits: 'Знаков до запятой',
  fracDigits: 'Знаков после запятой',
  transformationRatio: 'Коэффициент трансформации',
  accuracyClass: 'Класс точности',
  phases: 'Фазность',
  location: 'Место установки',
  installedAt: 'Дата установки',
  verifiedAt: 'Дата поверки',
  verificationIntervalYears: 'Межповерочный интервал, лет',
  seals: 'Пломбы',
  removedAt: 'Дата снятия',
  amount: 'Сумма',
  total: 'Сумма',
  method: 'Способ оплаты',
  cashGiven: 'Получено наличными',
  change: 'Сдача',
  cardReference: 'Номер операции по карте',
  payer: 'Плательщик',
  receiptNumber: 'Квитанция №',
  cancellationReceipt: 'Квитанция отмены №',
  paidAt: 'Время платежа',
  openingCash: 'Наличные на начало смены',
  countedCash: 'Наличные по факту',
  expectedCash: 'Ожидалось в кассе',
  difference: 'Расхождение',
  differenceReason: 'Причина расхождения',
  payments: 'Платежи',
  cancellations: 'Отмены',
  count: 'количество',
  login: 'Логин',
  role: 'Роль',
  active: 'Работает',
  name: 'Название',
  shortName: 'Краткое наименование',
  address: 'Адрес',
  inn: 'ИНН',
  kpp: 'КПП',
  ogrn: 'ОГРН',
  bic: 'БИК',
  bankName: 'Банк',
  bankAccount: 'Расчетный счет',
  correspondentAccount: 'Корр. счет',
  key: 'Настройка',
  value: 'Значение',
  validFrom: 'Действует с',
  rate: 'Ставка',
  zone: 'Зона',
  appVersion: 'Версия программы',
  report: 'Отчет',
  rows: 'Строк',
  closedAt: 'Закрыта',
  command: 'Команда',
}

/** Values recorded as codes, by field: shown as the clerk knows them. */
const valueWords: Record<string, Record<string, string>> = {
  kind: {
    sms: 'SMS-уведомления',
    paper_bill: 'Бумажная квитанция',
    email_bill: 'Квитанция на эл. почту',
    email_info: 'Информация на эл. почту',
  },
  relation: {
    owner: 'собственник',
    tenant: 'наниматель',
    registered: 'зарегистрирован',
    resident: 'проживает',
  },
  service: {
    electricity: 'электроэнергия',
    hot_water: 'горячая вода',
    heating: 'отопление',
    common_needs: 'ОДН',
  },
  method: { cash: 'наличные', card: 'карта' },
  source: { phone: 'по телефону', office: 'в офисе', web: 'через сайт', inspector: 'контролер' },
  role: {
    clerk: 'оператор',
    cashier: 'кассир',
    supervisor: 'старший смены',
    admin: 'администратор',
  },
  status: { open: 'открыт', closed: 'закрыт' },
}

const zone = /^T[1-3]$/
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** An identifier: never shown (it says nothing to the clerk). */
function isId(field: string, value: string | undefined): boolean {
  const last = field.split('.').at(-1) ?? field
  return last === 'id' || /Id$/.test(last) || uuid.test(value ?? '')
}

/** The Russian name of a dotted field: 'typed.T1' → 'Показание T1'; unknown ones as they are. */
export function fieldWord(field: string): string {
  const parts = field.split('.').filter((p) => !/^\d+$/.test(p))
  const zonePart = parts.find((p) => zone.test(p))
  const named = parts.filter((p) => !zone.test(p))
  const last = named.at(-1) ?? field
  const word = fieldWords[last] ?? last
  return zonePart ? `${word} ${zonePart}` : word
}

function valueWord(field: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined
  if (value === 'true') return 'да'
  if (value === 'false') return 'нет'
  const last =
    field
      .split('.')
      .filter((p) => !/^\d+$/.test(p) && !zone.test(p))
      .at(-1) ?? ''
  return valueWords[last]?.[value] ?? value
}

/** The changes in words: fields named in Russian, codes as words, identifiers left out. */
export function changesInWords(changes: readonly AuditChange[]): AuditChange[] {
  return changes
    .filter((c) => !isId(c.field, c.new) && !isId(c.field, c.old))
    .map((c) => ({
      field: fieldWord(c.field),
      ...(c.old !== undefined ? { old: valueWord(c.field, c.old) } : {}),
      ...(c.new !== undefined ? { new: valueWord(c.field, c.new) } : {}),
    }))
}
