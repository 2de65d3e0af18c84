import type { z } from 'zod'
import { accountChannels } from '../accounts/contract'
import { notificationChannels } from '../notifications/contract'
import { documentChannels } from '../documents/contract'
import { billingChannels } from '../billing/contract'
import { auditChannels } from '../audit/contract'
import { meterChannels } from '../meters/contract'
import { operatorChannels } from '../operators/contract'
import { paymentChannels } from '../payments/contract'
import { readingChannels } from '../readings/contract'
import { settingsChannels } from '../settings/contract'
import { reportChannels } from '../reports/contract'
import { shiftChannels } from '../shifts/contract'
import { syncChannels } from '../sync/contract'
import { updateChannels } from '../updates/contract'
import { workstationChannels } from '../workstation/contract'
import { appealChannels } from '../appeals/contract'
import { serviceRequestChannels } from '../service-requests/contract'
import type { ChannelDef } from './channel'

/** The one list of channels: main registers, preload exposes and the renderer calls these. */
export const contract = {
  ...operatorChannels,
  ...workstationChannels,
  ...accountChannels,
  ...meterChannels,
  ...readingChannels,
  ...paymentChannels,
  ...shiftChannels,
  ...syncChannels,
  ...notificationChannels,
  ...auditChannels,
  ...settingsChannels,
  ...reportChannels,
  ...documentChannels,
  ...serviceRequestChannels,
  ...appealChannels,
  ...billingChannels,

  ...updateChannels,
} satisfies Record<string, ChannelDef<z.ZodType, unknown>>

export type Contract = typeof contract
export type ChannelName = keyof Contract
export const channelNames = Object.keys(contract) as ChannelName[]

export function isChannelName(name: unknown): name is ChannelName {
  return typeof name === 'string' && Object.hasOwn(contract, name)
}

/** What the caller sends. */
export type InputOf<K extends ChannelName> = z.input<Contract[K]['input']>
/** What the handler receives, after parsing. */
export type ParsedInputOf<K extends ChannelName> = z.output<Contract[K]['input']>
export type OutputOf<K extends ChannelName> =
  Contract[K] extends ChannelDef<z.ZodType, infer O> ? O : never
