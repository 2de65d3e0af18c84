import { describe, expect, it } from 'vitest'
import {
  formatFingerprint,
  groupCode,
  pinOfFingerprint,
  splitRegistrationCode,
} from '../../src-shared/sync/registration-code'

const fingerprint = '7f3858d7b6ce53b69cbe24fd2585dd8e64b582430b54c22d168be978023aa318'

describe('the registration code', () => {
  // The pins are the first 80 bits in Crockford's base 32, worked out by hand from the hex.
  it.each([
    [fingerprint, 'FWW5HNXPSS9VD75Y'],
    ['0'.repeat(64), '0000000000000000'],
    ['f'.repeat(64), 'ZZZZZZZZZZZZZZZZ'],
  ])('pin of %s is %s', (hex, pin) => {
    expect(pinOfFingerprint(hex)).toBe(pin)
  })

  it.each([
    ['7KQ2-M9XD-4FHT-Z0PB', { code: '7KQ2M9XD4FHTZ0PB', pin: null }],
    ['7kq2 m9xd 4fht z0pb', { code: '7KQ2M9XD4FHTZ0PB', pin: null }],
    [
      '7KQ2-M9XD-4FHT-Z0PB-FWW5-HNXP-SS9V-D75Y',
      { code: '7KQ2M9XD4FHTZ0PB', pin: 'FWW5HNXPSS9VD75Y' },
    ],
    ['7KQ2-M9XD', null],
    ['7KQ2-M9XD-4FHT-Z0PB-FWW5', null],
    // I, L, O and U are not in the alphabet: misread over the phone.
    ['7KQ2-M9XD-4FHT-Z0PI', null],
    ['', null],
  ])('%j splits into %j', (typed, parts) => {
    expect(splitRegistrationCode(typed)).toEqual(parts)
  })

  it('is printed in groups of four; a fingerprint in pairs', () => {
    expect(groupCode('7KQ2M9XD4FHTZ0PBFWW5HNXPSS9VD75Y')).toBe(
      '7KQ2-M9XD-4FHT-Z0PB-FWW5-HNXP-SS9V-D75Y',
    )
    // As `openssl x509 -fingerprint -sha256` prints it.
    expect(formatFingerprint(fingerprint)).toBe(
      '7F:38:58:D7:B6:CE:53:B6:9C:BE:24:FD:25:85:DD:8E:64:B5:82:43:0B:54:C2:2D:16:8B:E9:78:02:3A:A3:18',
    )
  })
})
