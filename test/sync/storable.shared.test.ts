import { describe, expect, it } from 'vitest'
import { unstorableAt } from '../../src-shared/sync/storable'

describe('what the server cannot store in a command', () => {
  it.each([
    ['plain Russian text', { name: 'Смирнов Алексей' }, null],
    ['tab, line feed, carriage return', { notes: 'a\tb\nc\r\n' }, null],
    ['emoji (a surrogate pair)', { notes: 'оплата 👍' }, null],
    ['numbers, booleans, null', { a: 1, b: true, c: null }, null],
    ['U+0000 nested', { holder: { lastName: 'Смир\u0000нов' } }, 'holder.lastName'],
    ['a control character in an array', { lines: ['ok', 'x\u0007'] }, 'lines.1'],
    ['DEL', { payer: 'a\u007f' }, 'payer'],
    ['a lone surrogate', { payer: 'a\ud800b' }, 'payer'],
    ['bad UTF-8 decoded as U+FFFD', { payer: 'a\ufffdb' }, 'payer'],
    ['a bad key', { ['k\u0000']: 1 }, 'k\u0000'],
    ['a bare bad string', 'x\u0001', ''],
  ])('%s', (_label, value, expected) => {
    expect(unstorableAt(value)).toBe(expected)
  })
})
