import { sql } from 'drizzle-orm'
import { z } from 'zod'
import { supplierSaveSchema } from '../../src-shared/reference/schemas'
import { queryRow } from '../db/query'
import { referenceMessages, requireAdmin } from './reference-admin'
import { recordedArgs, reject, serverCommand } from './server-command'

/** supplier.save v1: a new supplier or its new requisites (a global row). */
export const supplierSave = serverCommand({
  name: 'supplier.save',
  argsVersion: 1,
  args: recordedArgs(
    supplierSaveSchema,
    z.object({ supplierId: z.string().min(1), created: z.boolean() }),
  ),
  async apply(tx, write, args, ctx) {
    await requireAdmin(tx, ctx)
    const { supplierId, created, ...values } = args
    const exists = await queryRow(
      tx,
      sql`SELECT 1 FROM suppliers WHERE id = ${supplierId} AND deleted_at IS NULL`,
    )
    if (!created && !exists) reject(referenceMessages.notFound('Поставщик'))
    const global = write.global()
    if (exists) await global.update('suppliers', supplierId, values)
    else await global.insert('suppliers', [{ id: supplierId, ...values }])
    await global.flush()
    return { supplierId }
  },
})
