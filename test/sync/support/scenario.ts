import { sql } from 'drizzle-orm'
import { expect } from 'vitest'
import type { ServerDb } from '../../../src-server/db/connection'
import { queryRows } from '../../../src-server/db/query'
import type { HeadlessClient } from './client'

/** Accounts of a branch on the server by number, to count each clerk's registration. */
export async function serverAccountNumbers(db: ServerDb, branchId: string): Promise<string[]> {
  const rows = await queryRows<{ number: string }>(
    db,
    sql`SELECT number FROM accounts WHERE branch_id = ${branchId} ORDER BY number`,
  )
  return rows.map((r) => r.number)
}

/** The numbers a client's clerk registered and saw saved, from its outbox. */
export function registeredNumbers(client: HeadlessClient, status?: string): string[] {
  const rows = client.app.services.db.$client
    .prepare(
      `SELECT json_extract(args, '$.number') AS number, status FROM outbox
        WHERE name = 'account.register' ORDER BY sequence`,
    )
    .all() as { number: string; status: string }[]
  return rows.filter((r) => !status || r.status === status).map((r) => r.number)
}

/** After a scenario: nothing waits, and every replica holds exactly the server's accounts. */
export async function expectConverged(
  db: ServerDb,
  branchId: string,
  clients: HeadlessClient[],
): Promise<void> {
  const server = await serverAccountNumbers(db, branchId)
  expect(new Set(server).size).toBe(server.length)
  for (const client of clients) {
    expect(client.outbox().filter((e) => e.status === 'pending' || e.status === 'sent')).toEqual([])
    const local = client.app.services.db.$client
      .prepare(`SELECT number FROM accounts ORDER BY number`)
      .all() as { number: string }[]
    expect(local.map((r) => r.number).filter((n) => !n.endsWith('-ДУБЛЬ'))).toEqual(server)
  }
}

/** Records each cursor a client reaches, failing if one ever moves back. */
export function cursorWatch(client: HeadlessClient) {
  let last = client.cursor()
  return () => {
    const now = client.cursor()
    expect(now.branch).toBeGreaterThanOrEqual(last.branch)
    expect(now.global).toBeGreaterThanOrEqual(last.global)
    last = now
  }
}
