import { describe, expect, it } from 'vitest'
import {
  changeFor,
  exactCashText,
  keepOnlyLine,
  linesTotal,
  takeDebtIfEmpty,
} from '../../src-shared/payments/line-entry'

describe('the payment lines as the counter types them', () => {
  it.each([
    [['1 234,56', '', '10'], 124_456],
    [['', '', ''], 0],
    [['abc', '5'], 500],
    [['0', '0,01'], 1],
  ])('lines %j total %i kopecks', (texts, total) => {
    expect(linesTotal(texts)).toBe(total)
  })

  it.each([
    [['100', '200', '300'], 1, ['', '200', '']],
    [['100', '200', '300'], 0, ['100', '', '']],
    [['100'], 0, ['100']],
  ])('keeping only line %j[%i]', (texts, index, kept) => {
    expect(keepOnlyLine(texts, index)).toEqual(kept)
  })

  it('refuses a line that is not there', () => {
    expect(() => keepOnlyLine(['1'], 1)).toThrow(/out of range/)
  })

  it.each([
    ['', 150_000, '1\u00a0500,00'],
    ['  ', 99, '0,99'],
    ['', 0, ''],
    ['500', 150_000, '500'],
  ])('Enter on %j with a debt of %i gives %j', (text, debt, result) => {
    expect(takeDebtIfEmpty(text, debt).replace(/\s/g, ' ')).toBe(result.replace(/\s/g, ' '))
  })

  it.each([
    [150_000, '2000', 50_000],
    [150_000, exactCashText(150_000), 0],
    [150_000, '1000', null],
    [150_000, 'много', null],
    [0, '0', 0],
  ])('total %i, cash %j: change %j', (total, cash, change) => {
    expect(changeFor(total, cash)).toBe(change)
  })
})
