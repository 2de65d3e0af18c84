import { readsNotInHistory } from '../../src-shared/audit/actions'
import { auditChanges } from '../../src-shared/audit/changes'
import type { AuditLine, AuditPage } from '../../src-shared/audit/contract'
import { officeDayEnd, officeDayStart } from '../../src-shared/audit/office-day'
import { changesInWords, auditKinds, type AuditKind } from '../../src-shared/audit/words'
import type { Db } from '../db/connection'
import { prepared } from '../db/prepared'

export interface HistoryQuery {
  from: string | null
  to: string | null
  offset: number
  limit: number
  timeZone: string
  /** Only this kind of entry (auditKinds); null: all. */
  kind?: AuditKind | null
}

interface Row {
  id: string
  at: string
  action: string
  details: string | null
  operatorName: string | null
  workstationName: string | null
  accountId: string | null
  accountNumber: string | null
  total: number
}

// What happened to an account or what an operator did: each read's definition says whether it
// is a fact of the history or only for «Кто смотрел».
const readsLeftOut = JSON.stringify(readsNotInHistory)

// Both filters walk an index on (account_id, at) or (operator_id, at), newest first.
const pageSql = (column: 'account_id' | 'operator_id') =>
  `SELECT l.id, l.at, l.action, l.details, o.full_name AS operatorName, w.name AS workstationName,
          l.account_id AS accountId, a.number AS accountNumber, count(*) OVER () AS total
     FROM audit_log l
     LEFT JOIN operators o ON o.id = l.operator_id
     LEFT JOIN workstations w ON w.id = l.workstation_id
     LEFT JOIN accounts a ON a.id = l.account_id
    WHERE l.${column} = @key AND l.at >= @from AND l.at < @to
      AND l.action NOT IN (SELECT value FROM json_each(@readsLeftOut))
      AND (@prefixes IS NULL
           OR EXISTS (SELECT 1 FROM json_each(@prefixes) p WHERE l.action LIKE p.value || '%'))
    ORDER BY l.at DESC, l.id DESC
    LIMIT @limit OFFSET @offset`

function page(
  db: Db,
  column: 'account_id' | 'operator_id',
  key: string,
  q: HistoryQuery,
): AuditPage {
  const rows = prepared(db.$client, pageSql(column)).all({
    key,
    from: q.from ? officeDayStart(q.from, q.timeZone) : '',
    to: q.to ? officeDayEnd(q.to, q.timeZone) : '9999',
    limit: q.limit,
    offset: q.offset,
    prefixes: q.kind ? JSON.stringify(auditKinds[q.kind].prefixes) : null,
    readsLeftOut,
  }) as Row[]
  const total: number =
    rows[0]?.total ??
    (q.offset > 0 ? page(db, column, key, { ...q, offset: 0, limit: 1 }).total : 0)
  return {
    total,
    entries: rows.map((r): AuditLine => ({
      id: r.id,
      at: r.at,
      action: r.action,
      operatorName: r.operatorName,
      workstationName: r.workstationName,
      accountId: r.accountId,
      accountNumber: r.accountNumber,
      changes: changesInWords(auditChanges(r.details === null ? null : JSON.parse(r.details))),
    })),
  }
}

/** Everything done to an account (views included), newest first. */
export function accountHistory(db: Db, accountId: string, q: HistoryQuery): AuditPage {
  return page(db, 'account_id', accountId, q)
}

/** Everything an operator did, newest first. */
export function operatorHistory(db: Db, operatorId: string, q: HistoryQuery): AuditPage {
  return page(db, 'operator_id', operatorId, q)
}
