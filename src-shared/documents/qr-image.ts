import { create } from 'qrcode'

/**
 * Image pixels per module: a printer or a PDF viewer that smooths scaling keeps sharp edges (at
 * one pixel poppler blurs the modules and zbar reads nothing). Not three: Chromium stores the
 * image in the PDF as 24-bit colour, so every pixel is paid for once per code in a batch.
 */
const pixelsPerModule = 2
const quietZone = 4

/**
 * A QR code as an inline image: a 4-module quiet zone, error correction M (15%), the usual
 * choice for a code printed on plain paper and read by a phone or a counter scanner. `sizeMm` is
 * the printed side, quiet zone included. A 1-bit bitmap rather than vector paths: Chromium lays
 * out and prints a bill with two codes as paths about half again slower, and a batch draws
 * two thousand of them.
 */
export function qrImage(text: string, sizeMm: number): string {
  // One byte segment, as bank apps write the payload: qrcode's own segmentation looks for digit
  // runs with a shortest-path search that took ten times the whole code's time (and most of a
  // batch's garbage) to save one version. One fixed mask: any of the eight reads alike, and
  // trying all eight costs seven times the time.
  const { modules } = create([{ data: new TextEncoder().encode(text), mode: 'byte' }], {
    errorCorrectionLevel: 'M',
    maskPattern: 0,
  })
  const n = modules.size
  const side = (n + 2 * quietZone) * pixelsPerModule
  // BMP rows are padded to 4 bytes; a negative height stores them top-down.
  const rowBytes = Math.ceil(side / 32) * 4
  const header = 14 + 40 + 8
  const bytes = new Uint8Array(header + rowBytes * side)
  const view = new DataView(bytes.buffer)
  bytes[0] = 0x42 // 'B'
  bytes[1] = 0x4d // 'M'
  view.setUint32(2, bytes.length, true)
  view.setUint32(10, header, true)
  view.setUint32(14, 40, true)
  view.setInt32(18, side, true)
  view.setInt32(22, -side, true)
  view.setUint16(26, 1, true) // planes
  view.setUint16(28, 1, true) // bits per pixel
  view.setUint32(34, rowBytes * side, true)
  view.setUint32(46, 2, true) // colours in the palette
  view.setUint32(54, 0x000000, true) // 0: dark module
  view.setUint32(58, 0xffffff, true) // 1: light
  for (let y = 0; y < side; y++) {
    const my = Math.floor(y / pixelsPerModule) - quietZone
    for (let x = 0; x < side; x++) {
      const mx = Math.floor(x / pixelsPerModule) - quietZone
      const dark = my >= 0 && my < n && mx >= 0 && mx < n && modules.get(my, mx)
      if (!dark) bytes[header + y * rowBytes + (x >> 3)]! |= 0x80 >> (x & 7)
    }
  }
  let binary = ''
  for (const b of bytes) binary += String.fromCharCode(b)
  return (
    `<img class="qr" alt="QR" width="${side}" height="${side}"` +
    ` style="width:${sizeMm}mm;height:${sizeMm}mm;image-rendering:pixelated"` +
    ` src="data:image/bmp;base64,${btoa(binary)}">`
  )
}
