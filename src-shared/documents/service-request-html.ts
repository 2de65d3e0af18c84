import type { AppealTopic, ReplyChannel } from '../appeals/domain'
import { formatRub } from '../money/format'
import type { ServiceRequestKind } from '../service-requests/domain'
import { escapeHtml } from './html'
import { officeDateTime } from './office-time'

/** The words printed for the customer (the screens use vue-i18n; paper is always Russian). */
export const requestKindNames: Record<ServiceRequestKind, string> = {
  sealing: 'Опломбировка прибора учета',
  unsealing: 'Снятие пломбы',
  control_reading: 'Снятие контрольных показаний',
  commissioning: 'Ввод прибора учета в эксплуатацию',
  specialist_visit: 'Вызов специалиста',
  technical_check: 'Техническая проверка',
}

export const appealTopicNames: Record<AppealTopic, string> = {
  billing: 'Начисления',
  readings: 'Показания',
  meter: 'Прибор учета',
  payment: 'Оплата',
  supply_quality: 'Качество электроснабжения',
  personal_data: 'Персональные данные',
  other: 'Другое',
}

export const replyChannelNames: Record<ReplyChannel, string> = {
  phone: 'по телефону',
  email: 'по электронной почте',
  letter: 'письмом',
}

/** Who issues the paper: the office the customer came to. */
export interface DocumentOffice {
  company: string
  officeName: string
  officeAddress: string
  officePhone: string | null
  timeZone: string
}

export interface RequestFormModel {
  number: string
  kind: ServiceRequestKind
  /** Kopecks; 0 = free. */
  price: number
  registeredAt: string
  accountNumber: string
  holderName: string
  address: string
  contactPhone: string
  meter: string | null
  preferredDates: string | null
  note: string | null
}

export interface AppealAcknowledgementModel {
  number: string
  topic: AppealTopic
  registeredOn: string
  dueOn: string
  accountNumber: string
  holderName: string
  replyChannel: ReplyChannel
  replyAddress: string
  files: string[]
}

const styles = `
@page { size: A4; margin: 20mm }
body { font: 12pt/1.5 'Liberation Sans', Arial, 'DejaVu Sans', sans-serif; color: #000 }
h1 { font-size: 15pt; margin: 6mm 0 4mm; text-align: center }
table { border-collapse: collapse; width: 100% }
th, td { border: 1px solid #000; padding: 1.5mm 2mm; text-align: left; vertical-align: top }
th { width: 40%; font-weight: normal; background: #f2f2f2 }
.sign { margin-top: 14mm; display: flex; justify-content: space-between }
`

const ruDate = (iso: string) => iso.split('-').reverse().join('.')

function page(title: string, office: DocumentOffice, body: string[]): string {
  return [
    '<!doctype html><html lang="ru"><head><meta charset="utf-8">',
    `<title>${escapeHtml(title)}</title><style>${styles}</style></head><body>`,
    `<p>${escapeHtml(office.company)}<br>${escapeHtml(office.officeName)}, ${escapeHtml(office.officeAddress)}`,
    office.officePhone ? `<br>Телефон: ${escapeHtml(office.officePhone)}` : '',
    '</p>',
    `<h1>${escapeHtml(title)}</h1>`,
    ...body,
    '</body></html>',
  ].join('')
}

const rows = (pairs: [string, string | null][]) =>
  `<table>${pairs
    .filter(([, v]) => v !== null && v !== '')
    .map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td>${escapeHtml(v!)}</td></tr>`)
    .join('')}</table>`

/** The request form the customer takes home: number, kind, price, date. */
export function renderRequestFormHtml(m: RequestFormModel, office: DocumentOffice): string {
  const at = officeDateTime(m.registeredAt, office.timeZone)
  return page(`Заявка № ${m.number} от ${at.date}`, office, [
    rows([
      ['Вид работ', requestKindNames[m.kind]],
      [
        'Стоимость',
        m.price > 0 ? `${formatRub(m.price)} (включается в следующий счет)` : 'Бесплатно',
      ],
      ['Дата и время приема', at.dateTime],
      ['Лицевой счет', m.accountNumber],
      ['Абонент', m.holderName],
      ['Адрес', m.address],
      ['Контактный телефон', m.contactPhone],
      ['Прибор учета', m.meter],
      ['Желаемые даты', m.preferredDates],
      ['Примечание', m.note],
    ]),
    '<p>С вами свяжутся для согласования даты и времени визита.</p>',
    '<div class="sign"><span>Заявку принял: ____________</span><span>Абонент: ____________</span></div>',
  ])
}

/** The acknowledgement of an appeal: number, date of registration and the day the answer is due. */
export function renderAppealAcknowledgementHtml(
  m: AppealAcknowledgementModel,
  office: DocumentOffice,
): string {
  return page(`Уведомление о регистрации обращения № ${m.number}`, office, [
    rows([
      ['Дата регистрации', ruDate(m.registeredOn)],
      ['Срок ответа', `до ${ruDate(m.dueOn)}`],
      ['Тема', appealTopicNames[m.topic]],
      ['Лицевой счет', m.accountNumber],
      ['Заявитель', m.holderName],
      ['Способ ответа', `${replyChannelNames[m.replyChannel]}: ${m.replyAddress}`],
      ['Приложения', m.files.length > 0 ? m.files.join(', ') : null],
    ]),
    '<div class="sign"><span>Обращение принял: ____________</span></div>',
  ])
}
