import { create } from 'qrcode'

/**
 * A QR code as an inline SVG: one path of dark modules, a 4-module quiet zone, error correction
 * M (15%), the usual choice for a code printed on plain paper and read by a phone or a counter
 * scanner. `sizeMm` is the printed side, quiet zone included.
 */
export function qrSvg(text: string, sizeMm: number): string {
  // One fixed mask: any of the eight reads alike, and trying all eight costs seven times the
  // time (a batch of bills draws two thousand codes).
  const { modules } = create(text, { errorCorrectionLevel: 'M', maskPattern: 0 })
  const n = modules.size
  const quiet = 4
  const side = n + 2 * quiet
  let path = ''
  for (let y = 0; y < n; y++) {
    let x = 0
    while (x < n) {
      if (!modules.get(y, x)) {
        x++
        continue
      }
      // One run of dark modules on the row: one rectangle, a much shorter path.
      const start = x
      while (x < n && modules.get(y, x)) x++
      path += `M${start + quiet} ${y + quiet}h${x - start}v1h${start - x}z`
    }
  }
  return (
    `<svg class="qr" width="${sizeMm}mm" height="${sizeMm}mm"` +
    ` viewBox="0 0 ${side} ${side}" shape-rendering="crispEdges">` +
    `<rect width="${side}" height="${side}" fill="#fff"/><path fill="#000" d="${path}"/></svg>`
  )
}
