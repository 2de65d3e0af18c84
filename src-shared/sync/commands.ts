import { z } from 'zod'
import { calendarDate, periodField } from '../api/date-fields'
import {
  closeAccountSchema,
  editAccountSchema,
  linkPersonSchema,
  recordConsentSchema,
  unlinkPersonSchema,
} from '../accounts/change-schemas'
import { services } from '../accounts/domain'
import { registerAccountSchema } from '../accounts/schemas'
import { validate } from '../api/validation'
import { maxKopecks } from '../money/amount-field'
import { installMeterSchema, removeMeterSchema, replaceMeterSchema } from '../meters/schemas'
import { anyOperator, type Role } from '../operators/roles'
import { cashDeskRoles, recordPaymentSchema } from '../payments/contract'
import { readingSources, readingStatuses, zones } from '../readings/domain'
import {
  officeSaveSchema,
  operatorRecordSchema,
  settingSetSchema,
  supplierSaveSchema,
  tariffSetSchema,
} from '../settings/schemas'
import {
  callBackServiceRequestSchema,
  changeServiceRequestSchema,
  priceListSetSchema,
  registerServiceRequestSchema,
} from '../service-requests/schemas'
import { changeAppealSchema, registerAppealSchema } from '../appeals/schemas'
import { syncMessages } from './messages'
import { unknownKeyFinder } from './unknown-keys'

/*
 * The outbox's wire format: every command a workstation may push, one entry each. The
 * workstation's command definitions and the server's appliers are typed from this list, and the
 * server parses every pushed payload with it before anything else.
 */

/** The keys of the object a schema parses, through optional/default/pipe wrappers. */
function shapeKeys(schema: z.ZodType): string[] {
  let s: z.ZodType = schema
  for (;;) {
    if (s instanceof z.ZodObject) return Object.keys(s.shape)
    if (s instanceof z.ZodPipe) s = s.in as z.ZodType
    else if (s instanceof z.ZodOptional || s instanceof z.ZodNullable || s instanceof z.ZodDefault)
      s = s.unwrap() as z.ZodType
    else throw new Error('a command payload is an object schema')
  }
}

/** How a payload treats a key its schemas do not name below the top level. */
type Nested = 'refused' | 'dropped'

/**
 * A payload as it travels: the clerk's input (parsed again by the schema the screen used) and
 * what the workstation fixed (ids, numbers, times), together. Strict: a key no part knows is
 * refused at any depth, never dropped silently. `wire.dropNested` reads an older arguments
 * version whose nested objects carried more than the contract (only their known keys are read).
 */
function wire<I extends z.ZodType>(input: I): z.ZodType<z.output<I>, z.input<I>>
function wire<I extends z.ZodType, M extends z.ZodType>(
  input: I,
  made: M,
): z.ZodType<z.output<I> & z.output<M>, z.input<I> & z.input<M>>
function wire(input: z.ZodType, made?: z.ZodType): z.ZodType {
  return payloadOf(made ? [input, made] : [input], 'refused')
}
wire.dropNested = function dropNested<I extends z.ZodType, M extends z.ZodType>(
  input: I,
  made: M,
): z.ZodType<z.output<I> & z.output<M>, unknown> {
  return payloadOf([input, made], 'dropped') as never
}

function payloadOf(parts: z.ZodType[], nested: Nested): z.ZodType {
  const allowed = new Set(parts.flatMap(shapeKeys))
  const unknownKeyAt = unknownKeyFinder(parts)
  return z.unknown().transform((raw, ctx) => {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      ctx.addIssue({ code: 'custom', message: syncMessages.invalidArgs('ожидался объект') })
      return z.NEVER
    }
    const unknown =
      nested === 'refused' ? unknownKeyAt(raw) : Object.keys(raw).find((k) => !allowed.has(k))
    if (unknown !== undefined && unknown !== null) {
      ctx.addIssue({ code: 'custom', message: syncMessages.unknownField(unknown) })
      return z.NEVER
    }
    const values: object[] = []
    for (const part of parts) {
      const parsed = validate(part, raw)
      if (!parsed.ok) {
        ctx.addIssue({ code: 'custom', message: syncMessages.invalidArgs(parsed.error.message) })
        return z.NEVER
      }
      values.push(parsed.value as object)
    }
    return Object.assign({}, ...values)
  })
}

const id = z.string().min(1).max(64)
/** Reading ids by zone, as the workstation made them. */
const zoneIds = z.partialRecord(z.enum(zones), id)
const timeZone = z.string().min(1).max(64)
const instant = z.string().min(1).max(40)
/** The cash a drawer may hold or a shift report total: kopecks, as the channels take them. */
const kopecks = z.number().int().min(0).max(maxKopecks)

/** What the workstation fixed when it took a payment. */
const paymentFacts = z.object({
  paymentId: id,
  receiptNumber: z.string().min(1).max(64),
  paidAt: instant,
  shiftId: id,
  officeId: id.nullable().default(null),
  /** The office's time zone the workstation checked the payment in (recorded since v1). */
  timeZone: timeZone.optional(),
  lines: z
    .array(
      z.object({
        id,
        supplierId: id,
        service: z.enum(services),
        amount: z.number().int().positive().max(maxKopecks),
      }),
    )
    .min(1),
})

const recordedReading = z.object({
  id,
  meterId: id,
  zone: z.enum(zones),
  rawValue: z.string().min(1).max(30),
  value: z.number().int().min(0),
  consumption: z.number().int().nullable(),
  readingDate: calendarDate(),
  period: periodField(),
  source: z.enum(readingSources),
  status: z.enum(readingStatuses),
  confirmReason: z.string().max(500).nullable(),
  acceptedBy: id.nullable(),
  flags: z.string().max(2000).nullable(),
})

/** The final readings' ids an account's close made, per meter and zone. */
const closedReadings = z.object({
  readings: z.array(z.object({ id, meterId: id, zone: z.enum(zones) })),
})

/** Who keeps accounts and meters. */
const accountEditors: readonly Role[] = ['clerk', 'supervisor', 'admin']
const supervisors: readonly Role[] = ['supervisor', 'admin']
const admins: readonly Role[] = ['admin']

/**
 * `branch`: facts of the workstation's branch, taken on the workstation's word about its own
 * operators. `admin`: operators and reference data, taken only with the admin's own live
 * session on the server (the push's operator token).
 */
export type CommandScope = 'branch' | 'admin'

export interface CommandEntry<S extends z.ZodType = z.ZodType> {
  /** The version the workstation sends now. */
  argsVersion: number
  payload: S
  /**
   * Readers of older arguments versions still in the outboxes of older workstations, giving the
   * same arguments as `payload`.
   */
  older?: Record<number, z.ZodType<z.output<S>, unknown>>
  /** The roles whose operator may issue it (as `operatorId`). */
  roles: readonly Role[]
  scope: CommandScope
}

const entry = <S extends z.ZodType>(e: CommandEntry<S>) => e

export const syncCommands = {
  'account.register': entry({
    argsVersion: 1,
    payload: wire(registerAccountSchema, z.object({ accountId: id, customerId: id })),
    roles: accountEditors,
    scope: 'branch',
  }),
  'account.edit': entry({
    argsVersion: 1,
    payload: wire(
      editAccountSchema,
      // The old values of what changed, kept with the command's record.
      z.object({ before: z.record(z.string(), z.unknown()).optional() }),
    ),
    roles: accountEditors,
    scope: 'branch',
  }),
  'account.linkPerson': entry({
    argsVersion: 1,
    payload: wire(linkPersonSchema, z.object({ linkId: id, customerId: id })),
    roles: accountEditors,
    scope: 'branch',
  }),
  'account.unlinkPerson': entry({
    argsVersion: 1,
    payload: wire(unlinkPersonSchema),
    roles: accountEditors,
    scope: 'branch',
  }),
  'account.recordConsent': entry({
    argsVersion: 1,
    payload: wire(recordConsentSchema, z.object({ consentId: id })),
    roles: accountEditors,
    scope: 'branch',
  }),
  'account.close': entry({
    // v2: the final readings travel as their ids only (v1 carried the whole rows).
    argsVersion: 2,
    payload: wire(closeAccountSchema, closedReadings),
    older: { 1: wire.dropNested(closeAccountSchema, closedReadings) },
    roles: accountEditors,
    scope: 'branch',
  }),
  'meter.install': entry({
    argsVersion: 1,
    payload: wire(
      installMeterSchema(),
      z.object({ timeZone, newMeterId: id, initialReadingIds: zoneIds }),
    ),
    roles: accountEditors,
    scope: 'branch',
  }),
  'meter.replace': entry({
    argsVersion: 1,
    payload: wire(
      replaceMeterSchema(),
      z.object({
        timeZone,
        newMeterId: id,
        finalReadingIds: zoneIds,
        initialReadingIds: zoneIds,
      }),
    ),
    roles: accountEditors,
    scope: 'branch',
  }),
  'meter.remove': entry({
    argsVersion: 1,
    payload: wire(removeMeterSchema(), z.object({ timeZone, finalReadingIds: zoneIds })),
    roles: accountEditors,
    scope: 'branch',
  }),
  'reading.submit': entry({
    argsVersion: 1,
    payload: wire(
      z.object({
        accountId: id,
        timeZone: timeZone.default('Europe/Moscow'),
        readings: z.array(recordedReading).min(1).max(100),
      }),
    ),
    roles: anyOperator,
    scope: 'branch',
  }),
  'reading.delete': entry({
    argsVersion: 1,
    payload: wire(
      z.object({ readingId: id, reason: z.string().trim().min(1).max(500), deletionId: id }),
    ),
    roles: anyOperator,
    scope: 'branch',
  }),
  'payment.record': entry({
    argsVersion: 1,
    payload: wire(recordPaymentSchema, paymentFacts),
    roles: cashDeskRoles,
    scope: 'branch',
  }),
  'payment.reassign': entry({
    argsVersion: 1,
    payload: wire(recordPaymentSchema, paymentFacts.extend({ rejectedCommandId: id })),
    roles: supervisors,
    scope: 'branch',
  }),
  'payment.cancel': entry({
    argsVersion: 1,
    payload: wire(
      z.object({
        paymentId: id,
        reason: z.string().trim().min(1).max(500),
        /** The supervisor who cancelled, logged in or confirming with a password. */
        supervisorId: id,
        cancellationId: id,
        receiptNumber: z.string().min(1).max(64),
        cancelledAt: instant,
        shiftId: id,
      }),
    ),
    roles: anyOperator,
    scope: 'branch',
  }),
  'shift.open': entry({
    argsVersion: 1,
    payload: wire(z.object({ openingCash: kopecks, shiftId: id, openedAt: instant })),
    roles: cashDeskRoles,
    scope: 'branch',
  }),
  'shift.close': entry({
    argsVersion: 1,
    payload: wire(
      z.object({
        countedCash: kopecks,
        shiftId: id,
        closedAt: instant,
        /** Why the counted cash differs from the expected; any difference has one. */
        differenceReason: z.string().trim().min(1).max(500).optional(),
        /** The supervisor who confirmed a difference above the dated threshold. */
        supervisorId: id.optional(),
        /** The frozen Z report, compared by the server with the payments it holds. */
        totals: z.custom<object>(
          (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
          'ожидался отчет смены',
        ),
      }),
    ),
    roles: cashDeskRoles,
    scope: 'branch',
  }),
  'serviceRequest.register': entry({
    argsVersion: 1,
    // The price is not carried: the server takes it from its own price list.
    payload: wire(registerServiceRequestSchema, z.object({ requestId: id, number: id })),
    roles: accountEditors,
    scope: 'branch',
  }),
  'serviceRequest.change': entry({
    argsVersion: 1,
    payload: wire(changeServiceRequestSchema),
    roles: accountEditors,
    scope: 'branch',
  }),
  'serviceRequest.callBack': entry({
    argsVersion: 1,
    payload: wire(callBackServiceRequestSchema),
    roles: accountEditors,
    scope: 'branch',
  }),
  'appeal.register': entry({
    argsVersion: 1,
    payload: wire(
      registerAppealSchema,
      z.object({ appealId: id, number: id, attachmentIds: z.array(id).max(5) }),
    ),
    roles: accountEditors,
    scope: 'branch',
  }),
  'appeal.change': entry({
    argsVersion: 1,
    payload: wire(changeAppealSchema),
    roles: accountEditors,
    scope: 'branch',
  }),
  'priceList.set': entry({
    argsVersion: 1,
    payload: wire(priceListSetSchema, z.object({ priceId: id })),
    roles: admins,
    scope: 'admin',
  }),
  'tariff.set': entry({
    argsVersion: 1,
    payload: wire(tariffSetSchema, z.object({ tariffId: id })),
    roles: admins,
    scope: 'admin',
  }),
  'supplier.save': entry({
    argsVersion: 1,
    payload: wire(supplierSaveSchema, z.object({ supplierId: id, created: z.boolean() })),
    roles: admins,
    scope: 'admin',
  }),
  'office.save': entry({
    argsVersion: 1,
    payload: wire(officeSaveSchema, z.object({ officeId: id, created: z.boolean() })),
    roles: admins,
    scope: 'admin',
  }),
  'operator.save': entry({
    argsVersion: 1,
    payload: wire(operatorRecordSchema),
    roles: admins,
    scope: 'admin',
  }),
  'setting.set': entry({
    argsVersion: 1,
    payload: wire(settingSetSchema),
    roles: admins,
    scope: 'admin',
  }),
}

export type SyncCommands = typeof syncCommands
export type CommandName = keyof SyncCommands
export const commandNames = Object.keys(syncCommands) as CommandName[]

/** A command's payload as the workstation records it (what goes into the outbox). */
export type CommandPayload<N extends CommandName> = z.input<SyncCommands[N]['payload']>
/** A command's payload as the server reads it after parsing. */
export type CommandArgs<N extends CommandName> = z.output<SyncCommands[N]['payload']>

export function syncCommand(name: string): CommandEntry | undefined {
  return Object.hasOwn(syncCommands, name) ? syncCommands[name as CommandName] : undefined
}

/** Commands that change operators or reference data: online, by an admin, only. */
export function isAdminCommand(name: string): boolean {
  return syncCommand(name)?.scope === 'admin'
}
