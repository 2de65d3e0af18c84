import { settingsMessages, requireCentralAdmin, supplierExists } from './reference-admin'
import { reject, serverCommand } from './server-command'

/** supplier.save v1: a new supplier or its new requisites (a global row). */
export const supplierSave = serverCommand({
  name: 'supplier.save',
  async apply(tx, write, args, ctx) {
    requireCentralAdmin(ctx)
    const { supplierId, created, ...values } = args
    const exists = await supplierExists(tx, supplierId)
    if (!created && !exists) reject(settingsMessages.notFound('Поставщик'))
    const global = write.global()
    if (exists) await global.update('suppliers', supplierId, values)
    else await global.insert('suppliers', [{ id: supplierId, ...values }])
    await global.flush()
    return { supplierId }
  },
})
