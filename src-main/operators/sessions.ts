import type { Role } from '../../src-shared/operators/roles'

export interface Session {
  operatorId: string
  login: string
  fullName: string
  role: Role
  officeId: string | null
  locked: boolean
  lastActivityAt: number
}

/**
 * Logged-in operators, one per window (IPC) or browser tab (web host). A session idle longer
 * than the screen-lock setting locks itself: the renderer locks the screen first, this is the
 * backstop that makes the lock real.
 */
export class SessionStore {
  private readonly sessions = new Map<string, Session>()

  constructor(private readonly lockMinutes: () => number) {}

  start(
    clientKey: string,
    operator: Omit<Session, 'locked' | 'lastActivityAt'>,
    now: Date,
  ): Session {
    const session = { ...operator, locked: false, lastActivityAt: now.getTime() }
    this.sessions.set(clientKey, session)
    return session
  }

  /** The caller's session, locked if it sat idle too long, else (for an operator's own action) marked active now. */
  touch(clientKey: string, now: Date, active = true): Session | null {
    const session = this.sessions.get(clientKey)
    if (!session) return null
    if (!session.locked) {
      const idleMs = now.getTime() - session.lastActivityAt
      if (idleMs > this.lockMinutes() * 60_000) session.locked = true
      else if (active) session.lastActivityAt = now.getTime()
    }
    return session
  }

  lock(clientKey: string): void {
    const session = this.sessions.get(clientKey)
    if (session) session.locked = true
  }

  unlock(clientKey: string, now: Date): Session | null {
    const session = this.sessions.get(clientKey)
    if (!session) return null
    session.locked = false
    session.lastActivityAt = now.getTime()
    return session
  }

  end(clientKey: string): void {
    this.sessions.delete(clientKey)
  }
}
