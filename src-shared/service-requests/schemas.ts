import { z } from 'zod'
import { officeDateSchema } from '../accounts/change-schemas'
import { optionalText, requiredPhone } from '../api/text-fields'
import { labelled } from '../api/validation'
import { kopecksField } from '../money/amount-field'
import { serviceRequestKinds, serviceRequestStatuses } from './domain'

/** service request: registered from the card, at the counter or on the phone. */
export const registerServiceRequestSchema = z.object({
  accountId: labelled('Лицевой счет', z.string().min(1, 'не выбран')),
  kind: labelled('Вид заявки', z.enum(serviceRequestKinds, 'не выбран')),
  meterId: labelled('Счетчик', z.string().min(1).max(64).nullable().default(null)),
  contactPhone: requiredPhone('Контактный телефон'),
  preferredDates: optionalText('Желаемые даты', 200),
  note: optionalText('Примечание', 1000),
})
export type RegisterServiceRequestInput = z.input<typeof registerServiceRequestSchema>
export type RegisterServiceRequestArgs = z.output<typeof registerServiceRequestSchema>

const timeWindow = /^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/

/**
 * A status change: scheduled needs the date and time window, done the outcome, cancelled the
 * reason. The control reading taken on a done visit goes through readings' own command.
 */
export const changeServiceRequestSchema = z
  .object({
    requestId: labelled('Заявка', z.string().min(1).max(64)),
    status: labelled('Состояние', z.enum(serviceRequestStatuses, 'не выбрано')),
    scheduledOn: officeDateSchema('Дата визита').nullable().default(null),
    timeWindow: labelled(
      'Время визита',
      z.string().trim().regex(timeWindow, 'в виде 09:00-13:00').nullable().default(null),
    ),
    outcome: optionalText('Результат', 1000),
    sealNumbers: optionalText('Номера пломб', 200),
    reason: optionalText('Причина отмены', 500),
  })
  .superRefine((v, ctx) => {
    const need = (path: string) =>
      ctx.addIssue({ code: 'custom', path: [path], message: 'не заполнено' })
    if (v.status === 'new')
      ctx.addIssue({ code: 'custom', path: ['status'], message: 'нельзя вернуть в «Новая»' })
    if (v.status === 'scheduled') {
      if (!v.scheduledOn) need('scheduledOn')
      if (!v.timeWindow) need('timeWindow')
      else if (v.timeWindow.slice(0, 5) >= v.timeWindow.slice(6))
        ctx.addIssue({ code: 'custom', path: ['timeWindow'], message: 'начало позже конца' })
    }
    if (v.status === 'done' && !v.outcome) need('outcome')
    if (v.status === 'cancelled' && !v.reason) need('reason')
  })
export type ChangeServiceRequestInput = z.input<typeof changeServiceRequestSchema>
export type ChangeServiceRequestArgs = z.output<typeof changeServiceRequestSchema>

/** service request: the customer called back about it (the 72-hour promise kept). */
export const callBackServiceRequestSchema = z.object({
  requestId: labelled('Заявка', z.string().min(1).max(64)),
  note: optionalText('Итог звонка', 500),
})
export type CallBackServiceRequestArgs = z.output<typeof callBackServiceRequestSchema>

/** price list: a kind's price from a date; 0 kopecks is a free service. */
export const priceListSetSchema = z.object({
  kind: labelled('Вид заявки', z.enum(serviceRequestKinds, 'не выбран')),
  validFrom: officeDateSchema('Действует с'),
  price: kopecksField('Цена'),
  supplierId: labelled('Поставщик', z.string().min(1, 'не выбран').max(64)),
})
export type PriceListSetArgs = z.output<typeof priceListSetSchema>
