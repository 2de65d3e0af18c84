import type { ReceiptModel } from './receipt'

/** A label and its value; a null value is a field this receipt does not have. */
export type Field = readonly [label: string, value: string | null]

/** Who, when and what for: the fields above the service lines. */
export function details(model: ReceiptModel): readonly Field[] {
  const common: Field[] = [
    ['Дата и время', model.issuedAt.dateTime],
    ['Лицевой счет', model.accountNumber],
    ['Плательщик', model.payer],
    ['Адрес', model.address],
  ]
  if (model.kind === 'payment') return [...common, ['Кассир', model.cashier]]
  return [
    ...common,
    ['Отменен платеж', `квитанция № ${model.originalReceiptNumber}`],
    ['Дата платежа', model.originalPaidAt.dateTime],
    ['Причина отмены', model.reason],
    ['Старший смены', model.supervisor],
  ]
}

/** The money below the service lines. */
export function totals(model: ReceiptModel): readonly Field[] {
  if (model.kind === 'cancellation')
    return [
      ['Сумма возврата', model.totalText],
      ['Способ возврата', model.methodName],
    ]
  return [
    ['Итого', model.totalText],
    ['Способ оплаты', model.methodName],
    ['Внесено наличными', model.cashGivenText],
    ['Сдача', model.changeText],
    ['Номер операции по карте', model.cardReference],
  ]
}

/** The 54-FZ fields, when a cash register supplied them. */
export function fiscalFields(model: ReceiptModel): readonly Field[] {
  const f = model.fiscal
  if (!f) return []
  return [
    ['РН ККТ', f.registerNumber],
    ['ФН', f.fiscalDriveNumber],
    ['ФД', f.fiscalDocumentNumber],
    ['ФП', f.fiscalSign],
  ]
}
