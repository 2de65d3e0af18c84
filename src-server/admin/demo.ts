import { accountTables } from '../../src-demo/account-tables'
import { hashPassword } from '../../src-node/operators/password'
import { generateDemo } from '../../src-demo/generate'
import { demoOperators } from '../../src-demo/operators'
import type { DemoAccount, DemoOptions, DemoReference } from '../../src-demo/types'
import type { SyncedTableName } from '../../src-node/sync/synced-tables'
import type { ServerDb } from '../db/connection'
import { SyncedWriter, type Row } from '../sync/synced-write'

const accountsPerTransaction = 1000

/** Booleans as 0/1 and without the replica's local search key, as the server's tables hold them. */
function serverRow(row: object): Row {
  const out: Row = {}
  for (const [k, v] of Object.entries(row)) {
    if (k === 'searchKey') continue
    out[k] = typeof v === 'boolean' ? Number(v) : v
  }
  return out
}

async function insertReference(db: ServerDb, ref: DemoReference): Promise<void> {
  const passwords = new Map(demoOperators.map((o) => [o.login, o.password]))
  const branchOf = new Map(ref.offices.map((o) => [o.id, o.branchId]))
  await db.transaction(async (tx) => {
    const global = new SyncedWriter(tx, null)
    const branch = new SyncedWriter(tx, ref.branch.id)
    await global.insert('branches', [serverRow(ref.branch)])
    await branch.insert('offices', ref.offices.map(serverRow))
    await branch.insert('workstations', ref.workstations.map(serverRow))
    await global.insert('suppliers', ref.suppliers.map(serverRow))
    await global.insert('services', ref.services.map(serverRow))
    await global.insert('tariffs', ref.tariffs.map(serverRow))
    // Over the law a first start seeded (the same dated rows).
    await global.upsert('settings', ref.settings.map(serverRow))
    await global.insert('price_list', ref.priceList.map(serverRow))
    for (const o of ref.operators) {
      const row = serverRow({ ...o, passwordHash: hashPassword(passwords.get(o.login) ?? o.login) })
      const writer = o.officeId && branchOf.get(o.officeId) ? branch : global
      await writer.insert('operators', [row])
    }
    await global.flush()
    await branch.flush()
  })
}

async function insertAccounts(db: ServerDb, branchId: string, accounts: DemoAccount[]) {
  await db.transaction(async (tx) => {
    const write = new SyncedWriter(tx, branchId)
    for (const spec of accountTables) {
      if (spec.table === 'account_search') continue
      const rows = accounts.flatMap((a) => spec.rows(a).map(serverRow))
      await write.insert(spec.table as SyncedTableName, rows)
    }
    await write.flush()
  })
}

/**
 * Loads the deterministic demo data set (the same generator as the workstation's demo replica)
 * into the server: the reference rows, then the accounts in transactions of a thousand.
 */
export async function loadServerDemo(
  db: ServerDb,
  options: DemoOptions,
  onProgress?: (accounts: number) => void,
): Promise<{ branchId: string; accounts: number }> {
  let branchId = ''
  let batch: DemoAccount[] = []
  let done = 0
  const flush = async () => {
    if (batch.length === 0) return
    await insertAccounts(db, branchId, batch)
    done += batch.length
    batch = []
    onProgress?.(done)
  }
  for (const chunk of generateDemo(options)) {
    if (chunk.kind === 'reference') {
      branchId = chunk.reference.branch.id
      await insertReference(db, chunk.reference)
      continue
    }
    batch.push(chunk.account)
    if (batch.length === accountsPerTransaction) await flush()
  }
  await flush()
  return { branchId, accounts: done }
}
