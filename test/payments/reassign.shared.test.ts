import { describe, expect, it } from 'vitest'
import type { PaidService } from '../../src-shared/payments/reassign'
import { servicesMissingOn } from '../../src-shared/payments/reassign'

const power = (supplierId: string): PaidService => ({ supplierId, service: 'electricity' })
const heat = (supplierId: string): PaidService => ({ supplierId, service: 'heating' })

describe('which services a payment needs on the account it moves to', () => {
  it.each<[string, PaidService[], PaidService[], PaidService[]]>([
    ['the same service of the same supplier', [power('A')], [power('A')], []],
    ['a target with more services', [power('A')], [heat('B'), power('A')], []],
    ['two lines, both there', [power('A'), heat('B')], [heat('B'), power('A')], []],
    ['the same service from another supplier', [power('A')], [power('B')], [power('A')]],
    ['another service of the same supplier', [power('A')], [heat('A')], [power('A')]],
    ['a target with no services', [power('A'), heat('B')], [], [power('A'), heat('B')]],
    ['one line missing of two', [power('A'), heat('B')], [power('A')], [heat('B')]],
    ['a service on two lines named once', [power('A'), power('A')], [], [power('A')]],
  ])('%s', (_case, lines, target, missing) => {
    expect(servicesMissingOn(lines, target)).toEqual(missing)
  })
})
