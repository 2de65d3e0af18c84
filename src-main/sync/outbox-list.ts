import type {
  ResolutionKind,
  SyncCommandRow,
  SyncCommands,
  SyncResolution,
} from '../../src-shared/sync/contract'
import { ApiFailure } from '../api/failure'
import { writeAudit, type AuditActor } from '../audit/audit-log'
import type { Db } from '../db/connection'
import { prepared } from '../db/prepared'
import { moveRejectedPayment } from '../payments/reassign-payment'
import { listSetAside } from './set-aside-list'
import { listShiftDifferences } from '../shifts/shift-differences'

interface OutboxRow {
  id: string
  name: string
  args: string
  createdAt: string
  status: SyncCommandRow['status']
  reason: string | null
  operatorName: string | null
  resolution: string | null
  resolvedAt: string | null
  resolvedBy: string | null
}

const RESOLVE = 'sync.resolve'

// A rejection's resolution is an audit entry on the command: the outbox row itself never changes.
const listSql = `
  SELECT o.id, o.name, o.args, o.created_at AS createdAt, o.status, o.reject_reason AS reason,
         op.full_name AS operatorName, r.details AS resolution, r.at AS resolvedAt,
         rop.full_name AS resolvedBy
    FROM outbox o
    LEFT JOIN operators op ON op.id = o.operator_id
    LEFT JOIN audit_log r ON r.action = '${RESOLVE}' AND r.entity = 'command' AND r.entity_id = o.id
    LEFT JOIN operators rop ON rop.id = r.operator_id`

/** The account and the sum a command is about, read from its arguments. */
function subjectOf(args: string): { accountId: string | null; amount: number | null } {
  const parsed = JSON.parse(args) as {
    accountId?: string
    lines?: { amount?: number }[]
  }
  const amount = parsed.lines?.reduce((sum, l) => sum + (l.amount ?? 0), 0)
  return { accountId: parsed.accountId ?? null, amount: amount ?? null }
}

function toRow(db: Db, row: OutboxRow): SyncCommandRow {
  const { accountId, amount } = subjectOf(row.args)
  const number = accountId
    ? (prepared(db.$client, 'SELECT number FROM accounts WHERE id = ?').pluck().get(accountId) as
        string | undefined)
    : undefined
  const details = row.resolution
    ? (JSON.parse(row.resolution) as {
        kind: ResolutionKind
        note: string
        accountNumber?: string | null
      })
    : null
  return {
    id: row.id,
    name: row.name,
    createdAt: row.createdAt,
    status: row.status,
    reason: row.reason,
    operatorName: row.operatorName,
    accountId,
    accountNumber: number ?? null,
    amount,
    resolution: details
      ? {
          kind: details.kind,
          note: details.note,
          accountNumber: details.accountNumber ?? null,
          by: row.resolvedBy,
          at: row.resolvedAt!,
        }
      : null,
  }
}

/**
 * The commands still waiting for the server, and those it rejected, for the Sync screen; with
 * `shiftDifferences` (supervisors) also the closed shifts whose totals differ from the server's.
 */
export function listSyncCommands(
  db: Db,
  options: { shiftDifferences: boolean },
  limit = 500,
): SyncCommands {
  const waiting = prepared(
    db.$client,
    `${listSql} WHERE o.status = 'pending' ORDER BY o.sequence LIMIT ?`,
  ).all(limit) as OutboxRow[]
  const rejected = prepared(
    db.$client,
    `${listSql} WHERE o.status = 'rejected' ORDER BY o.sequence DESC LIMIT ?`,
  ).all(limit) as OutboxRow[]
  return {
    waiting: waiting.map((r) => toRow(db, r)),
    rejected: rejected.map((r) => toRow(db, r)),
    shiftDifferences: options.shiftDifferences ? listShiftDifferences(db, limit) : [],
    setAside: listSetAside(db, limit),
  }
}

/**
 * A supervisor's record of how a rejected command was dealt with (the money refunded, ...). Once
 * per command; the rejection itself stays. `reassigned` moves a rejected payment to the account
 * with `accountNumber` and sends it to the server again, in the same transaction.
 */
export function resolveRejected(
  db: Db,
  actor: AuditActor,
  input: { commandId: string; kind: ResolutionKind; note: string; accountNumber?: string },
): SyncResolution {
  return db.$client.transaction(() => {
    const row = prepared(db.$client, `${listSql} WHERE o.id = ?`).get(input.commandId) as
      OutboxRow | undefined
    if (!row || row.status !== 'rejected') {
      throw new ApiFailure('not_found', 'Отклоненная команда не найдена.')
    }
    if (row.resolution) {
      throw new ApiFailure('conflict', 'Эту отклоненную команду уже разобрали.')
    }
    const accountNumber =
      input.kind === 'reassigned'
        ? moveRejectedPayment(
            db,
            { operatorId: actor.operatorId, now: new Date(actor.at) },
            row,
            input.accountNumber,
          )
        : null
    writeAudit(db, actor, {
      action: RESOLVE,
      entity: 'command',
      entityId: input.commandId,
      accountId: subjectOf(row.args).accountId,
      details: {
        kind: input.kind,
        note: input.note,
        accountNumber,
        command: row.name,
        reason: row.reason,
      },
    })
    return toRow(
      db,
      prepared(db.$client, `${listSql} WHERE o.id = ?`).get(input.commandId) as OutboxRow,
    ).resolution!
  })()
}
