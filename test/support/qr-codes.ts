import { execFileSync } from 'node:child_process'

/**
 * The QR codes on a one-page PDF as a reader sees them: the page rendered at `dpi` by pdftoppm
 * (to `<pngBase>.png`), every code on it decoded by zbar. Their texts, in no set order.
 */
export function qrCodesOfPdf(pdf: string, pngBase: string, dpi = 300): string[] {
  execFileSync('pdftoppm', ['-r', String(dpi), '-png', '-singlefile', pdf, pngBase])
  return execFileSync('zbarimg', [
    '--quiet',
    '--raw',
    '-Sdisable',
    '-Sqrcode.enable',
    `${pngBase}.png`,
  ])
    .toString('utf8')
    .split('\n')
    .filter((l) => l !== '')
}
