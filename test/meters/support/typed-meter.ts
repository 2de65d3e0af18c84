import type { NewMeterInput } from '../../../src-shared/meters/schemas'

/** A 2-zone meter as the clerk types it into the meter form (strings), today 2026-11-20. */
export function typedMeter(overrides: Record<string, unknown> = {}): NewMeterInput {
  return {
    service: 'electricity',
    model: 'Меркурий 201.8',
    serialNumber: '41234567',
    zones: '2',
    intDigits: '6',
    fracDigits: '1',
    transformationRatio: '1',
    accuracyClass: '1,0',
    phases: '1',
    location: 'Кухня',
    installedAt: '2026-11-20',
    verifiedAt: '2026-10-01',
    verificationIntervalYears: '16',
    seals: '0012345',
    initialReadings: { T1: '00012,4', T2: '3' },
    ...overrides,
  } as NewMeterInput
}
