import { z } from 'zod'
import { channel } from '../api/channel'
import { labelled } from '../api/validation'
import {
  installMeterSchema,
  removeMeterSchema,
  replaceMeterSchema,
  type MeterService,
  type OldMeterFacts,
} from './schemas'

/** A meter being replaced or removed, as its form shows it. */
export interface OldMeter extends OldMeterFacts {
  id: string
  service: MeterService
  model: string
  serialNumber: string
  transformationRatio: number
}

/** What the meter forms check against: the office's today, the account's services, the old meter. */
export interface MeterFormContext {
  accountId: string
  today: string
  /** The metered services the account has. */
  services: MeterService[]
  old: OldMeter | null
}

const staff = ['clerk', 'supervisor', 'admin'] as const

export const meterChannels = {
  'meters.formContext': channel<MeterFormContext>()({
    input: z.object({
      accountId: labelled('Лицевой счет', z.string().min(1)),
      meterId: labelled('Счетчик', z.string().min(1)).optional(),
    }),
    roles: staff,
  }),
  // Shapes only here: the handler checks again against today and the old meter's readings.
  'meters.install': channel<{ meterId: string }>()({ input: installMeterSchema(), roles: staff }),
  'meters.replace': channel<{ meterId: string }>()({ input: replaceMeterSchema(), roles: staff }),
  'meters.remove': channel<{ meterId: string }>()({ input: removeMeterSchema(), roles: staff }),
}
