import { sql } from 'drizzle-orm'
import { queryRow } from '../db/query'
import { settingsMessages } from './reference-admin'
import { reject, serverCommand } from './server-command'

/**
 * office.save v1: a new office of the workstation's branch, or an office's name and address. An
 * admin of the branch (role and live session checked before) or a central admin; another
 * branch's office is never found.
 */
export const officeSave = serverCommand({
  name: 'office.save',
  async apply(tx, write, args, ctx) {
    const { officeId, created, ...values } = args
    const office = await queryRow<{ branchId: string }>(
      tx,
      sql`SELECT branch_id AS "branchId" FROM offices WHERE id = ${officeId} AND deleted_at IS NULL`,
    )
    if (office && office.branchId !== ctx.branchId) reject(settingsMessages.notFound('Офис'))
    if (!created && !office) reject(settingsMessages.notFound('Офис'))
    if (office) await write.update('offices', officeId, values)
    else await write.insert('offices', [{ id: officeId, branchId: ctx.branchId, ...values }])
    return { officeId }
  },
})
