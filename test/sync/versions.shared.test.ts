import { describe, expect, it } from 'vitest'
import { compareVersions } from '../../src-shared/sync/versions'

describe('app versions', () => {
  it.each([
    ['1.0.0', '1.0.0', 0],
    ['1.0', '1.0.0', 0],
    ['0.10.0', '0.9.9', 1],
    ['0.9.0', '1.0.0', -1],
    ['2.0.0', '1.99.99', 1],
    ['1.2.3-beta', '1.2.3', 0],
    ['1.2.10', '1.2.9', 1],
  ])('%s against %s is %i', (a, b, order) => {
    expect(compareVersions(a, b)).toBe(order)
  })
})
