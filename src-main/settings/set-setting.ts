import type { SettingSetArgs } from '../../src-shared/settings/schemas'
import type { CommandDef } from '../commands/command'
import { prepared } from '../db/prepared'

/**
 * setting.set: a setting's value from a date. A value set earlier for the same date is replaced;
 * the rows of other dates stay, so what was in force on any day can still be read.
 */
export const setSetting: CommandDef<SettingSetArgs, null, 'setting.set'> = {
  name: 'setting.set',
  argsVersion: 1,
  apply(tx, args) {
    const sqlite = tx.$client
    const old = prepared(sqlite, 'SELECT value FROM settings WHERE key = ? AND valid_from = ?').get(
      args.key,
      args.validFrom,
    ) as { value: string } | undefined
    prepared(
      sqlite,
      `INSERT INTO settings (key, valid_from, value) VALUES (@key, @validFrom, @value)
       ON CONFLICT (key, valid_from) DO UPDATE SET value = excluded.value`,
    ).run({ ...args, value: JSON.stringify(args.value) })
    return {
      result: null,
      audit: [
        {
          action: 'setting.set',
          entity: 'setting',
          entityId: args.key,
          details: {
            ...(old ? { old: { [args.key]: JSON.parse(old.value) } } : {}),
            new: { [args.key]: args.value, validFrom: args.validFrom },
          },
        },
      ],
    }
  },
}
