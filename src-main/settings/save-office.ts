import { eq } from 'drizzle-orm'
import { uuidv7 } from 'uuidv7'
import type { OfficeSaveArgs } from '../../src-shared/settings/schemas'
import { ApiFailure } from '../api/failure'
import type { CommandDef } from '../commands/command'
import { offices, workstations } from '../db/schema'
import { savedEntry } from '../audit/audit-log'

/** office.save: a new office of this workstation's branch, or an office's name, address, phone. */
export const saveOffice: CommandDef<OfficeSaveArgs, { officeId: string }, 'office.save'> = {
  name: 'office.save',
  argsVersion: 1,
  apply(tx, args, ctx) {
    const { officeId: given, ...values } = args
    const old = given ? tx.select().from(offices).where(eq(offices.id, given)).get() : undefined
    if (given && !old) throw new ApiFailure('not_found', 'Офис не найден.')
    const officeId = given ?? uuidv7()
    if (old) {
      tx.update(offices).set(values).where(eq(offices.id, officeId)).run()
    } else {
      const home = ctx.workstationId
        ? tx
            .select({ branchId: offices.branchId })
            .from(workstations)
            .innerJoin(offices, eq(offices.id, workstations.officeId))
            .where(eq(workstations.id, ctx.workstationId))
            .get()
        : undefined
      if (!home) {
        throw new ApiFailure(
          'invalid_input',
          'Рабочее место не привязано к филиалу: новый офис заводится на центральном сервере.',
        )
      }
      tx.insert(offices)
        .values({ id: officeId, branchId: home.branchId, ...values })
        .run()
    }
    return {
      result: { officeId },
      recorded: { ...args, officeId, created: !old },
      audit: [
        savedEntry(
          'office',
          officeId,
          old && { name: old.name, address: old.address, phone: old.phone },
          values,
        ),
      ],
    }
  },
}
