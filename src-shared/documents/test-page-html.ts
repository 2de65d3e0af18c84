import { escapeHtml, htmlPage } from './html'
import { officeDateTime } from './office-time'

/** A test page for a printer: the paper's edges, a ruler line, Cyrillic text, the time printed. */
export function renderTestPageHtml(
  layout: '80mm' | 'a4',
  printer: string,
  at: string,
  timeZone: string,
): string {
  const page =
    layout === '80mm' ? '@page { size: 80mm 60mm; margin: 0 }' : '@page { size: A4; margin: 15mm }'
  const width = layout === '80mm' ? '72mm' : '180mm'
  const styles = `${page}
body { margin: 0; padding: 3mm; font: 11pt/1.4 'Liberation Sans', Arial, 'DejaVu Sans', sans-serif }
.frame { border: 1px solid #000; width: ${width}; padding: 2mm; box-sizing: border-box }
h1 { font-size: 13pt; margin: 0 0 2mm }`
  const body = [
    '<div class="frame">',
    '<h1>Пробная страница</h1>',
    `<p>Принтер: ${escapeHtml(printer || 'сохранение в PDF')}</p>`,
    `<p>Формат: ${layout === '80mm' ? 'лента 80 мм' : 'лист A4'}</p>`,
    `<p>Напечатано: ${escapeHtml(officeDateTime(at, timeZone).dateTime)}</p>`,
    '<p>АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ 0123456789 ₽ №</p>',
    '</div>',
  ]
  return htmlPage({ title: 'Пробная страница', styles, body })
}
