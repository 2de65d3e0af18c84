import type { Db } from '../db/connection'
import { verifyPassword } from '../../src-node/operators/password'
import type { Session } from './sessions'

export interface OperatorRow {
  id: string
  login: string
  fullName: string
  role: Session['role']
  officeId: string | null
  passwordHash: string
  active: number
}

export function findOperator(db: Db, login: string): OperatorRow | undefined {
  return db.$client
    .prepare(
      `SELECT id, login, full_name AS fullName, role, office_id AS officeId, password_hash AS passwordHash, active
         FROM operators WHERE login = ? COLLATE NOCASE`,
    )
    .get(login) as OperatorRow | undefined
}

/** The active operator with this login and password, or null (same answer for either mistake). */
export function checkCredentials(db: Db, login: string, password: string): OperatorRow | null {
  const operator = findOperator(db, login)
  return operator && operator.active && verifyPassword(password, operator.passwordHash)
    ? operator
    : null
}
