/**
 * How often a client may call the central server's routes, per window: a stolen workstation
 * secret or a guessed registration code is worth only so many tries. The server answers 429 with
 * Retry-After beyond them.
 */
export interface RateLimit {
  max: number
  windowMs: number
}

export interface RateLimits {
  /** Registration codes tried, per client address. */
  claim: RateLimit
  /** Operator logins checked against the server, per workstation. */
  operatorCheck: RateLimit
  /** Pushes, per workstation (a push carries up to a few hundred commands). */
  push: RateLimit
  /**
   * Pull and verify requests, per workstation: a bootstrap pulls pages of 10,000 rows back to
   * back, 4 million rows (100,000 accounts) in about 400 pages.
   */
  pull: RateLimit
}

const minute = 60_000

export const defaultRateLimits: RateLimits = {
  claim: { max: 10, windowMs: 10 * minute },
  operatorCheck: { max: 10, windowMs: minute },
  push: { max: 600, windowMs: minute },
  pull: { max: 3000, windowMs: minute },
}

/** The Russian words a workstation shows for a 429, by what was limited. */
export const rateLimitMessages = {
  claim: (seconds: number) =>
    `Слишком много попыток ввести код регистрации: повторите через ${seconds} с.`,
  operatorCheck: (seconds: number) =>
    `Слишком много попыток входа с этого рабочего места: повторите через ${seconds} с.`,
  sync: (seconds: number) =>
    `Сервер ограничил частоту синхронизации этого рабочего места: повторите через ${seconds} с.`,
} as const
