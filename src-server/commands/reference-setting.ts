import { requireCentralAdmin, requireNotPast } from './reference-admin'
import { serverCommand } from './server-command'

/** setting.set v1: a global setting's value from a date; the same date's value is replaced. */
export const settingSet = serverCommand({
  name: 'setting.set',
  async apply(tx, write, args, ctx) {
    requireCentralAdmin(ctx)
    await requireNotPast(tx, args.validFrom, ctx.at)
    const value = JSON.stringify(args.value)
    // Settings are keyed by (key, valid_from): the same date's value is written over.
    const global = write.global()
    await global.upsert('settings', [{ key: args.key, validFrom: args.validFrom, value }])
    await global.flush()
    return null
  },
})
