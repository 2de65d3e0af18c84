import { sql } from 'drizzle-orm'
import { z } from 'zod'
import { officeSaveSchema } from '../../src-shared/reference/schemas'
import { queryRow } from '../db/query'
import { referenceMessages, requireAdmin } from './reference-admin'
import { recordedArgs, reject, serverCommand } from './server-command'

/** office.save v1: a new office of the workstation's branch, or an office's name and address. */
export const officeSave = serverCommand({
  name: 'office.save',
  argsVersion: 1,
  args: recordedArgs(
    officeSaveSchema,
    z.object({ officeId: z.string().min(1), created: z.boolean() }),
  ),
  async apply(tx, write, args, ctx) {
    await requireAdmin(tx, ctx)
    const { officeId, created, ...values } = args
    const office = await queryRow<{ branchId: string }>(
      tx,
      sql`SELECT branch_id AS "branchId" FROM offices WHERE id = ${officeId} AND deleted_at IS NULL`,
    )
    if (office && office.branchId !== ctx.branchId) reject(referenceMessages.notFound('Офис'))
    if (!created && !office) reject(referenceMessages.notFound('Офис'))
    if (office) await write.update('offices', officeId, values)
    else await write.insert('offices', [{ id: officeId, branchId: ctx.branchId, ...values }])
    return { officeId }
  },
})
