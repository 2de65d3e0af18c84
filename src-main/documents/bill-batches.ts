import type { BillBatchState } from '../../src-shared/documents/contract'
import type { Db } from '../db/connection'
import { prepared } from '../db/prepared'
import { printBillBatch } from './bill-batch'
import type { Printer } from './printer'

interface Batch {
  state: BillBatchState
  accountIds: string[]
  controller: AbortController
}

// One batch per replica at a time: the bills go to one printer in order.
const batches = new WeakMap<Db, Batch>()

interface Selected {
  toPrint: string[]
  email: BillBatchState['emailAccounts']
}

/**
 * The accounts billed for the period (in the office, or all the replica holds), by address;
 * those whose latest delivery consent is e-mail apart; with `paperOnly`, only those who gave
 * the paper bill consent.
 */
function selectAccounts(
  db: Db,
  period: string,
  officeId: string | null,
  paperOnly: boolean,
): Selected {
  const rows = prepared(
    db.$client,
    `SELECT a.id, a.number AS accountNumber,
            c.last_name || ' ' || c.first_name || coalesce(' ' || c.middle_name, '') AS holderName,
            (SELECT k.given FROM consents k WHERE k.account_id = a.id AND k.kind = 'email_bill'
              ORDER BY k.date DESC, k.created_at DESC LIMIT 1) AS email,
            (SELECT k.given FROM consents k WHERE k.account_id = a.id AND k.kind = 'paper_bill'
              ORDER BY k.date DESC, k.created_at DESC LIMIT 1) AS paper
       FROM accounts a JOIN customers c ON c.id = a.holder_id
      WHERE EXISTS (SELECT 1 FROM bills b WHERE b.account_id = a.id AND b.period = @period)
        AND (@officeId IS NULL OR a.office_id = @officeId)
      ORDER BY a.settlement, a.street, a.house, a.flat, a.number`,
  ).all({ period, officeId }) as {
    id: string
    accountNumber: string
    holderName: string
    email: number | null
    paper: number | null
  }[]
  const toPrint: string[] = []
  const email: Selected['email'] = []
  for (const r of rows) {
    if (r.email === 1 && r.paper !== 1)
      email.push({ accountNumber: r.accountNumber, holderName: r.holderName })
    else if (!paperOnly || r.paper === 1) toPrint.push(r.id)
  }
  return { toPrint, email }
}

/** Starts (or resumes) printing a period's bills in the background; answers at once. */
export function startBillBatch(
  db: Db,
  printer: Printer,
  o: {
    period: string
    officeId: string | null
    paperOnly: boolean
    resume: boolean
    timeZone: string
    printerName: string
    /** The batch thread's module (`bill-batch-worker`). */
    worker: URL
  },
): BillBatchState {
  const current = batches.get(db)
  if (current?.state.running) return current.state
  const resuming =
    o.resume &&
    current &&
    current.state.next !== null &&
    current.state.period === o.period &&
    current.state.officeId === o.officeId &&
    current.state.paperOnly === o.paperOnly
  let batch: Batch
  if (resuming) {
    batch = current
    batch.controller = new AbortController()
    batch.state = { ...batch.state, running: true, error: null }
  } else {
    const selected = selectAccounts(db, o.period, o.officeId, o.paperOnly)
    batch = {
      accountIds: selected.toPrint,
      controller: new AbortController(),
      state: {
        period: o.period,
        officeId: o.officeId,
        paperOnly: o.paperOnly,
        total: selected.toPrint.length,
        done: 0,
        running: true,
        next: 0,
        documents: [],
        error: null,
        emailAccounts: selected.email,
      },
    }
  }
  batches.set(db, batch)
  const from = batch.state.next ?? 0
  void printBillBatch(db, printer, {
    period: o.period,
    accountIds: batch.accountIds,
    timeZone: o.timeZone,
    printer: o.printerName,
    from,
    signal: batch.controller.signal,
    worker: o.worker,
    onProgress: (done) => (batch.state = { ...batch.state, done }),
  }).then(
    (result) => {
      batch.state = {
        ...batch.state,
        running: false,
        next: result.next,
        done: result.next ?? batch.state.total,
        documents: [...batch.state.documents, ...result.documents],
      }
    },
    (error: unknown) => {
      batch.state = {
        ...batch.state,
        running: false,
        error: error instanceof Error ? error.message : String(error),
      }
    },
  )
  return batch.state
}

export function billBatchState(db: Db): BillBatchState | null {
  return batches.get(db)?.state ?? null
}

/** Cancels the running batch: the job in the printer finishes, the rest waits for a resume. */
export function cancelBillBatch(db: Db): BillBatchState | null {
  batches.get(db)?.controller.abort()
  return billBatchState(db)
}
