import { sql } from 'drizzle-orm'
import type { Role } from '../../src-shared/operators/roles'
import type { CommandScope } from '../../src-shared/sync/commands'
import { syncMessages } from '../../src-shared/sync/messages'
import type { PushedCommand } from '../../src-shared/sync/protocol'
import type { ServerDb } from '../db/connection'
import { queryRows } from '../db/query'
import type { WorkstationIdentity } from '../workstation/credentials'

/** An operator as the server holds them, with the branch of their office (null: central). */
export interface OperatorFacts {
  id: string
  role: Role
  active: boolean
  branchId: string | null
  central: boolean
  /** When they were deactivated (ISO), if they are. */
  deactivatedAt: string | null
}

interface OperatorRow {
  id: string
  role: Role
  active: number
  officeId: string | null
  branchId: string | null
  deactivatedAt: string | null
}

/**
 * The operators a batch of commands names, read in one query (indexed by primary key) and kept
 * for the batch; one named later (created by an earlier command of the batch) is read alone.
 */
export class OperatorDirectory {
  private readonly known = new Map<string, OperatorFacts | null>()

  constructor(private readonly tx: ServerDb) {}

  async load(ids: Iterable<string | null | undefined>): Promise<void> {
    const wanted = [...new Set([...ids].filter((id): id is string => !!id))].filter(
      (id) => !this.known.has(id),
    )
    if (wanted.length === 0) return
    const rows = await queryRows<OperatorRow>(
      this.tx,
      sql`SELECT o.id, o.role, o.active, o.office_id AS "officeId", f.branch_id AS "branchId",
                 o.deactivated_at AS "deactivatedAt"
            FROM operators o LEFT JOIN offices f ON f.id = o.office_id
           WHERE o.id IN (${sql.join(
             wanted.map((id) => sql`${id}`),
             sql`, `,
           )}) AND o.deleted_at IS NULL`,
    )
    for (const id of wanted) this.known.set(id, null)
    for (const r of rows) {
      this.known.set(r.id, {
        id: r.id,
        role: r.role,
        active: Number(r.active) === 1,
        branchId: r.branchId,
        central: r.officeId === null,
        deactivatedAt: r.deactivatedAt,
      })
    }
  }

  async get(id: string): Promise<OperatorFacts | null> {
    await this.load([id])
    return this.known.get(id) ?? null
  }

  /** An operator.save may change who they are: read them again when next named. */
  forget(id: string): void {
    this.known.delete(id)
  }
}

/** The operators a command names besides its own: a cancellation's or an acceptance's supervisor. */
export function confirmingSupervisors(command: Pick<PushedCommand, 'name' | 'args'>): string[] {
  const args = command.args as Record<string, unknown> | null
  if (typeof args !== 'object' || args === null) return []
  if (
    (command.name === 'payment.cancel' || command.name === 'shift.close') &&
    typeof args.supervisorId === 'string'
  )
    return [args.supervisorId]
  if (command.name === 'reading.submit' && Array.isArray(args.readings)) {
    return [
      ...new Set(
        (args.readings as { acceptedBy?: unknown }[])
          .map((r) => r?.acceptedBy)
          .filter((x): x is string => typeof x === 'string'),
      ),
    ]
  }
  return []
}

/** Of the workstation's branch (a central operator works at every branch), working at `at`. */
function standing(
  operator: OperatorFacts,
  ws: WorkstationIdentity,
  at: string,
): 'ok' | 'branch' | 'inactive' {
  if (!operator.central && operator.branchId !== ws.branchId) return 'branch'
  if (!operator.active && (operator.deactivatedAt === null || operator.deactivatedAt <= at))
    return 'inactive'
  return 'ok'
}

const supervisorRoles: readonly Role[] = ['supervisor', 'admin']

/**
 * Why the server refuses the people a command names, or null: its operator must exist, belong to
 * the workstation's branch, have been working at the command's time and hold a role the command
 * allows; the same for a confirming supervisor. Admin commands need the admin's own live session.
 */
export async function actorRefusal(
  directory: OperatorDirectory,
  ws: WorkstationIdentity,
  command: PushedCommand,
  contract: { roles: readonly Role[]; scope: CommandScope },
  sessionOperatorId: string | null,
): Promise<string | null> {
  if (!command.operatorId) return syncMessages.operatorMissing
  const operator = await directory.get(command.operatorId)
  if (!operator) return syncMessages.operatorUnknown
  const state = standing(operator, ws, command.at)
  if (state === 'branch') return syncMessages.operatorOtherBranch
  if (state === 'inactive') return syncMessages.operatorInactive(command.at)
  if (!contract.roles.includes(operator.role)) return syncMessages.roleNotAllowed(operator.role)
  if (contract.scope === 'admin' && sessionOperatorId !== operator.id)
    return syncMessages.adminSessionNeeded
  for (const id of confirmingSupervisors(command)) {
    const supervisor = await directory.get(id)
    if (!supervisor || standing(supervisor, ws, command.at) === 'branch')
      return syncMessages.supervisorUnknown
    if (standing(supervisor, ws, command.at) === 'inactive')
      return syncMessages.supervisorInactive(command.at)
    if (!supervisorRoles.includes(supervisor.role))
      return syncMessages.supervisorRoleNeeded(supervisor.role)
  }
  return null
}
