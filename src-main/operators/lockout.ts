import {
  lockoutDelayMs,
  lockoutMessage,
  type LockoutKind,
} from '../../src-shared/operators/lockout'
import { ApiFailure } from '../api/failure'
import type { AppServices } from '../api/services'

interface Tries {
  failures: number
  /** Epoch ms before which no try is checked. */
  until: number
}

/** Wrong tries per kind and login (or operator), in this process's memory. */
const byServices = new WeakMap<AppServices, Map<string, Tries>>()

function triesOf(services: AppServices): Map<string, Tries> {
  let tries = byServices.get(services)
  if (!tries) byServices.set(services, (tries = new Map()))
  return tries
}

const keyOf = (kind: LockoutKind, who: string) => `${kind}:${who.toLowerCase()}`

/** Throws the notice while the wait after too many wrong tries runs. */
export function refuseWhileLocked(services: AppServices, kind: LockoutKind, who: string): void {
  const tries = triesOf(services).get(keyOf(kind, who))
  const wait = tries ? tries.until - services.clock().getTime() : 0
  if (wait > 0) throw new ApiFailure('rate_limited', lockoutMessage(kind, wait))
}

/** Counts a wrong try; answers the wait it starts (0 while tries are free). */
export function countFailure(services: AppServices, kind: LockoutKind, who: string): number {
  const all = triesOf(services)
  const key = keyOf(kind, who)
  const failures = (all.get(key)?.failures ?? 0) + 1
  const delay = lockoutDelayMs(failures)
  all.set(key, { failures, until: services.clock().getTime() + delay })
  return delay
}

/** A right password: the count starts again. */
export function clearFailures(services: AppServices, kind: LockoutKind, who: string): void {
  triesOf(services).delete(keyOf(kind, who))
}
