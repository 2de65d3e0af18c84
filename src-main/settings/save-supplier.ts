import { eq } from 'drizzle-orm'
import { uuidv7 } from 'uuidv7'
import type { SupplierSaveArgs } from '../../src-shared/settings/schemas'
import { ApiFailure } from '../api/failure'
import type { CommandDef } from '../commands/command'
import { suppliers } from '../db/schema'
import { savedEntry } from '../audit/audit-log'

/** supplier.save: a new supplier, or new requisites of one (old and new kept in the audit log). */
export const saveSupplier: CommandDef<SupplierSaveArgs, { supplierId: string }, 'supplier.save'> = {
  name: 'supplier.save',
  argsVersion: 1,
  apply(tx, args) {
    const { supplierId: given, ...values } = args
    const old = given ? tx.select().from(suppliers).where(eq(suppliers.id, given)).get() : undefined
    if (given && !old) throw new ApiFailure('not_found', 'Поставщик не найден.')
    const supplierId = given ?? uuidv7()
    if (old) tx.update(suppliers).set(values).where(eq(suppliers.id, supplierId)).run()
    else
      tx.insert(suppliers)
        .values({ id: supplierId, ...values })
        .run()
    const { id: _id, ...before } = old ?? { id: null }
    return {
      result: { supplierId },
      recorded: { ...args, supplierId, created: !old },
      audit: [savedEntry('supplier', supplierId, old && before, values)],
    }
  },
}
