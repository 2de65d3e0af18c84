import { sql } from 'drizzle-orm'
import { billingRunMessages, type BillingRunState } from '../../src-shared/billing/contract'
import type { Role } from '../../src-shared/operators/roles'
import type { ServerDb } from '../db/connection'
import { queryRow } from '../db/query'
import { runBilling } from './run'

export type BillingAnswer =
  { ok: true; state: BillingRunState } | { ok: false; status: number; message: string }

const idle = (period: string): BillingRunState => ({
  period,
  status: 'none',
  done: 0,
  total: 0,
  accounts: 0,
  chargeLines: 0,
  penaltyLines: 0,
  message: null,
})

/**
 * Period closes started from an administrator's screen: one per branch and period at a time, run
 * in this server process while the screen polls its progress. The run itself is the same as the
 * `bill` command's (stoppable, resumable, a closed period never billed again), so a state lost
 * with a restart is only a progress bar: starting again resumes.
 */
export class BillingJobs {
  private readonly jobs = new Map<string, BillingRunState>()

  constructor(private readonly db: ServerDb) {}

  /** The operator whose live session the request carries must be an administrator. */
  async authorize(operatorId: string | null): Promise<BillingAnswer | null> {
    if (!operatorId) return { ok: false, status: 401, message: billingRunMessages.notLoggedIn }
    const operator = await queryRow<{ role: Role; active: number }>(
      this.db,
      sql`SELECT role, active FROM operators WHERE id = ${operatorId} AND deleted_at IS NULL`,
    )
    if (!operator || operator.role !== 'admin' || !Number(operator.active))
      return { ok: false, status: 403, message: billingRunMessages.notAdmin }
    return null
  }

  /** Starts the close of the branch's period, or answers the one already running. */
  start(branchId: string, period: string): BillingRunState {
    const key = `${branchId}|${period}`
    const running = this.jobs.get(key)
    if (running?.status === 'running') return running
    const state: BillingRunState = { ...idle(period), status: 'running' }
    this.jobs.set(key, state)
    void runBilling(this.db, {
      period,
      branchId,
      onProgress: (p) => {
        state.done = p.done
        state.total = p.total
      },
    }).then(
      ([result]) => {
        state.status = result?.status ?? 'closed'
        state.accounts = result?.accounts ?? 0
        state.chargeLines = result?.chargeLines ?? 0
        state.penaltyLines = result?.penaltyLines ?? 0
      },
      (error: unknown) => {
        // Billing's refusals are Russian already (a setting missing, a later period closed).
        state.status = 'failed'
        state.message = error instanceof Error ? error.message : String(error)
      },
    )
    return state
  }

  status(branchId: string, period: string): BillingRunState {
    return this.jobs.get(`${branchId}|${period}`) ?? idle(period)
  }
}
