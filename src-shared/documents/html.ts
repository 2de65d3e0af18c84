const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/** Text made safe for HTML content and attribute values. */
export function escapeHtml(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (c) => entities[c] as string)
}

/**
 * A complete, self-contained printed page (nothing loaded from outside): `body` lines are
 * already escaped HTML; `bodyClass` styles the whole page (the receipt's layout).
 */
export function htmlPage(page: {
  title: string
  styles: string
  body: readonly string[]
  bodyClass?: string
}): string {
  return [
    '<!doctype html>',
    '<html lang="ru">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${escapeHtml(page.title)}</title>`,
    `<style>${page.styles}</style>`,
    '</head>',
    page.bodyClass ? `<body class="${escapeHtml(page.bodyClass)}">` : '<body>',
    ...page.body,
    '</body>',
    '</html>',
    '',
  ].join('\n')
}
