import type { Service } from '../accounts/domain'

/** A supplier's service a payment line paid for. */
export interface PaidService {
  supplierId: string
  service: Service
}

/**
 * The services of a payment the target account does not have. Moving a payment keeps every
 * line's supplier and service: money taken for one supplier never lands on another's debt.
 */
export function servicesMissingOn(
  lines: readonly PaidService[],
  target: readonly PaidService[],
): PaidService[] {
  const offered = new Set(target.map((s) => `${s.supplierId}\u0000${s.service}`))
  const missing = new Map<string, PaidService>()
  for (const l of lines) {
    const key = `${l.supplierId}\u0000${l.service}`
    if (!offered.has(key)) missing.set(key, { supplierId: l.supplierId, service: l.service })
  }
  return [...missing.values()]
}
