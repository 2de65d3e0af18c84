import type { BillModel, BillSupplierSection } from './bill'
import { a4Page, fieldList, table } from './a4-page'
import { escapeHtml } from './html'
import { qrImage } from './qr-image'

/**
 * The QR's side before the bill's zoom (0.7: 24.5 mm on paper, as Chromium's own shrinking
 * printed 34 mm before): big enough for a phone and a counter scanner off plain paper.
 */
export const billQrSizeMm = 35

function supplierBlock(s: BillSupplierSection, model: BillModel): string {
  const p = s.supplier
  const requisites = fieldList([
    ['Получатель', p.name],
    ['ИНН / КПП', [p.inn, p.kpp].filter(Boolean).join(' / ')],
    ['Расчетный счет', p.bankAccount],
    ['Банк', p.bankName],
    ['БИК', p.bic],
    ['Корр. счет', p.correspondentAccount],
    ['Телефон', p.phone],
  ])
  const rows = s.rows.map((r) => [
    r.serviceName,
    r.volumeText,
    r.basisText,
    r.tariffText,
    r.texts.opening,
    r.texts.charged,
    r.texts.recalculated,
    r.texts.penalties,
    r.texts.paid,
    r.texts.total,
  ])
  const services = table(
    [
      'Услуга',
      'Объем',
      'Основание',
      'Тариф, руб.',
      'Долг на начало',
      'Начислено',
      'Перерасчет',
      'Пени',
      'Оплачено',
      'Итого к оплате',
    ],
    rows,
    [4, 5, 6, 7, 8, 9],
  )
  return (
    '<section class="supplier">' +
    `<div>${requisites}${services}<p><b>К оплате ${escapeHtml(p.name)}: ${escapeHtml(s.dueText)}</b></p></div>` +
    `<div>${qrImage(s.qrPayload, billQrSizeMm)}<div class="qr-caption">Оплата по QR-коду, ЛС ${escapeHtml(model.accountNumber)}</div></div>` +
    '</section>'
  )
}

/** The bill's own markup, without the page around it. */
function billBody(model: BillModel): string {
  const head =
    `<h1>${escapeHtml(model.title)}</h1>` +
    (model.duplicate ? '<p><span class="mark">ДУБЛИКАТ</span></p>' : '') +
    fieldList([
      ['Номер документа', model.documentNumber],
      ['ЕЛС', model.els],
      ['Лицевой счет', model.accountNumber],
      ['Плательщик', model.payer],
      ['Адрес', model.address],
      ['Общая площадь, м²', model.totalArea?.replace('.', ',') ?? null],
      ['Проживает, чел.', model.residents],
    ])
  const totals = fieldList([
    ['Долг на начало периода', model.texts.opening],
    [
      'Оплачено в периоде',
      model.lastPaymentText
        ? `${model.texts.paid} (последняя оплата ${model.lastPaymentText})`
        : model.texts.paid,
    ],
    ['Итого к оплате', model.texts.total],
    ['Оплатить до', model.dueDateText],
  ])
  const meters =
    model.meters.length === 0
      ? ''
      : '<h2>Приборы учета</h2>' +
        table(
          ['Номер', 'Услуга', 'Зона', 'Предыдущие', 'Текущие', 'Следующая поверка'],
          model.meters.map((m) => [
            m.number,
            m.serviceName,
            m.zone,
            m.previous ?? '—',
            m.current ?? '—',
            m.nextVerificationText,
          ]),
          [3, 4],
        )
  return (
    head +
    model.sections.map((s) => supplierBlock(s, model)).join('') +
    totals +
    meters +
    `<p class="small">${escapeHtml(model.readingReminder)}</p>`
  )
}

/** The monthly bill as a self-contained A4 page, one payment QR code per supplier. */
export function renderBillHtml(model: BillModel): string {
  return a4Page(`ЕПД № ${model.documentNumber}`, renderBillArticle(model))
}

/** One bill of a batch (drawn one at a time, so the batch can yield between bills). */
export function renderBillArticle(model: BillModel): string {
  return `<article class="bill">${billBody(model)}</article>`
}

/** Many bills in one document, each from a new sheet: a batch prints as one job. */
export function renderBillBatchHtml(title: string, articles: readonly string[]): string {
  return a4Page(title, articles.join(''))
}
