import { describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { queryRow } from '../../src-server/db/query'
import { issueOperatorSession, revokeOperatorSession } from '../../src-server/operators/sessions'
import { authenticateWithSession } from '../../src-server/workstation/credentials'
import { testOperators } from '../support/temp-app'
import { newWorkstation, seedBranch, useTestDatabase } from '../support/server'

const database = useTestDatabase()
const clerk = testOperators.find((o) => o.role === 'clerk')!

/** A branch, two of its workstations and a clerk's session opened at the first. */
async function scene() {
  const { db } = database
  const branch = await seedBranch(db)
  const ws = await newWorkstation(db, branch.officeId)
  const other = await newWorkstation(db, branch.officeId, 'Окно 2')
  const operator = (await queryRow<{ id: string; passwordHash: string }>(
    db,
    sql`SELECT id, password_hash AS "passwordHash" FROM operators
         WHERE login = ${branch.login(clerk.login)}`,
  ))!
  const { token } = await issueOperatorSession(db, ws, operator)
  return { db, branch, ws, other, operator, token }
}

describe("a request's workstation and its operator's session, read in one round trip", () => {
  it('names the workstation and the session’s operator; without a token, no operator', async () => {
    const { db, ws, operator, token } = await scene()
    expect(await authenticateWithSession(db, ws.workstationId, ws.secret, token)).toEqual({
      identity: { workstationId: ws.workstationId, branchId: ws.branchId },
      sessionOperatorId: operator.id,
    })
    expect(await authenticateWithSession(db, ws.workstationId, ws.secret, undefined)).toEqual({
      identity: { workstationId: ws.workstationId, branchId: ws.branchId },
      sessionOperatorId: null,
    })
  })

  it('refuses a wrong secret or a deleted workstation, whatever token comes with it', async () => {
    const { db, ws, token } = await scene()
    expect(await authenticateWithSession(db, ws.workstationId, 'guess', token)).toBeNull()
    expect(await authenticateWithSession(db, ws.workstationId, undefined, token)).toBeNull()
    await db.execute(
      sql`UPDATE workstations SET deleted_at = now()::text WHERE id = ${ws.workstationId}`,
    )
    expect(await authenticateWithSession(db, ws.workstationId, ws.secret, token)).toBeNull()
  })

  it.each([
    ['at another workstation of the branch', 'other'],
    ['revoked at logout', 'revoked'],
    ['of an operator deactivated since', 'deactivated'],
    ['issued under a password changed since', 'password'],
    ['expired', 'expired'],
  ] as const)('a session %s stands for nobody, the workstation still answers', async (_l, how) => {
    const { db, ws, other, operator, token } = await scene()
    let asking = ws
    if (how === 'other') asking = other
    if (how === 'revoked') expect(await revokeOperatorSession(db, ws, token)).toBe(true)
    if (how === 'deactivated')
      await db.execute(sql`UPDATE operators SET active = 0 WHERE id = ${operator.id}`)
    if (how === 'password')
      await db.execute(
        sql`UPDATE operators SET password_hash = 'scrypt$changed' WHERE id = ${operator.id}`,
      )
    if (how === 'expired')
      await db.execute(
        sql`UPDATE operator_sessions SET expires_at = now() - interval '1 second'
             WHERE operator_id = ${operator.id}`,
      )
    expect(await authenticateWithSession(db, asking.workstationId, asking.secret, token)).toEqual({
      identity: { workstationId: asking.workstationId, branchId: asking.branchId },
      sessionOperatorId: null,
    })
  })
})
