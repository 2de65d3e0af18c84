import type { Role } from '../../src-shared/operators/roles'

export interface Session {
  operatorId: string
  login: string
  fullName: string
  role: Role
  officeId: string | null
  /**
   * The central server's token of an online login, sent with sync requests; null after an offline
   * login. Kept in memory only, never in the replica or on disk.
   */
  token: string | null
  locked: boolean
  /** When the operator logged in (epoch ms): sync speaks for the most recent login. */
  startedAt: number
  lastActivityAt: number
}

/**
 * Logged-in operators, one per window (IPC) or browser tab (web host). A session idle longer
 * than the screen-lock setting locks itself: the renderer locks the screen first, this is the
 * backstop that makes the lock real.
 */
export class SessionStore {
  private readonly sessions = new Map<string, Session>()
  /** Windows or tabs whose session the central server ended: their next call says so. */
  private readonly endedByServer = new Set<string>()

  constructor(private readonly lockMinutes: () => number) {}

  start(
    clientKey: string,
    operator: Omit<Session, 'locked' | 'startedAt' | 'lastActivityAt'>,
    now: Date,
  ): Session {
    const at = now.getTime()
    const session = { ...operator, locked: false, startedAt: at, lastActivityAt: at }
    this.sessions.set(clientKey, session)
    this.endedByServer.delete(clientKey)
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
    this.endedByServer.delete(clientKey)
  }

  /** The token of the most recent online login still here, for the sync's requests; else null. */
  syncToken(): string | null {
    let latest: Session | null = null
    for (const session of this.sessions.values()) {
      if (session.token && (!latest || session.startedAt >= latest.startedAt)) latest = session
    }
    return latest?.token ?? null
  }

  /**
   * The server no longer takes this token: every session of its operator here ends (offline
   * logins too), and their windows are told why at their next call. Returns that operator's id,
   * or null when no session holds the token any more.
   */
  endByServer(token: string): string | null {
    const operatorId = [...this.sessions.values()].find((s) => s.token === token)?.operatorId
    if (!operatorId) return null
    for (const [clientKey, session] of this.sessions) {
      if (session.operatorId !== operatorId) continue
      this.sessions.delete(clientKey)
      this.endedByServer.add(clientKey)
    }
    return operatorId
  }

  /** Whether this window's or tab's session was ended by the server (until a login or logout). */
  wasEndedByServer(clientKey: string): boolean {
    return this.endedByServer.has(clientKey)
  }
}
