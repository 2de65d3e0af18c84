import { create } from 'qrcode'
import { describe, expect, it } from 'vitest'
import { qrImage } from '../../src-shared/documents/qr-image'

/** The bitmap inside the image's data URL, read back pixel by pixel (true: dark). */
function bitmap(html: string): { side: number; dark: (x: number, y: number) => boolean } {
  const base64 = /src="data:image\/bmp;base64,([^"]+)"/.exec(html)![1]!
  const bytes = Buffer.from(base64, 'base64')
  expect(bytes.toString('latin1', 0, 2)).toBe('BM')
  expect(bytes.readUInt16LE(28)).toBe(1)
  const side = bytes.readInt32LE(18)
  expect(bytes.readInt32LE(22)).toBe(-side)
  const offset = bytes.readUInt32LE(10)
  const rowBytes = Math.ceil(side / 32) * 4
  expect(bytes.length).toBe(offset + rowBytes * side)
  return {
    side,
    dark: (x, y) => (bytes[offset + y * rowBytes + (x >> 3)]! & (0x80 >> (x & 7))) === 0,
  }
}

describe('the QR code as a 1-bit image', () => {
  it.each([
    ['short', 'ST00012|Name=ООО|PersonalAcc=40702810000000000001'],
    [
      'a whole bill payload',
      `ST00012|Name=${'Акционерное общество '.repeat(4)}|Sum=70013|TechCode=02`,
    ],
  ])('%s: every module drawn as 2×2 pixels inside a 4-module quiet zone', (_name, text) => {
    const html = qrImage(text, 34)
    expect(html).toContain('style="width:34mm;height:34mm;image-rendering:pixelated"')
    const { modules } = create([{ data: new TextEncoder().encode(text), mode: 'byte' }], {
      errorCorrectionLevel: 'M',
      maskPattern: 0,
    })
    const n = modules.size
    const image = bitmap(html)
    expect(image.side).toBe((n + 8) * 2)
    for (let y = 0; y < image.side; y++)
      for (let x = 0; x < image.side; x++) {
        const mx = Math.floor(x / 2) - 4
        const my = Math.floor(y / 2) - 4
        const inside = mx >= 0 && my >= 0 && mx < n && my < n
        expect(image.dark(x, y)).toBe(inside && modules.get(my, mx) === 1)
      }
  })
})
