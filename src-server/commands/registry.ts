import { accountClose } from './account-close'
import { accountRecordConsent } from './account-consent'
import { accountEdit } from './account-edit'
import { accountLinkPerson, accountUnlinkPerson } from './account-persons'
import { accountRegister } from './account-register'
import { meterInstall } from './meter-install'
import { meterRemove } from './meter-remove'
import { meterReplace } from './meter-replace'
import { paymentCancel } from './payment-cancel'
import { paymentReassign } from './payment-reassign'
import { paymentRecord } from './payment-record'
import { readingDelete } from './reading-delete'
import { readingSubmit } from './reading-submit'
import { officeSave } from './reference-office'
import { operatorSave } from './reference-operator'
import { settingSet } from './reference-setting'
import { supplierSave } from './reference-supplier'
import { tariffSet } from './reference-tariff'
import type { ServerCommand } from './server-command'
import { shiftClose, shiftOpen } from './shifts'

/** Every command the server applies, by name and arguments version: a new one is one module. */
const all: ServerCommand<never>[] = [
  accountRegister,
  accountEdit,
  accountLinkPerson,
  accountUnlinkPerson,
  accountRecordConsent,
  accountClose,
  meterInstall,
  meterReplace,
  meterRemove,
  readingSubmit,
  readingDelete,
  paymentRecord,
  paymentReassign,
  paymentCancel,
  shiftOpen,
  shiftClose,
  tariffSet,
  supplierSave,
  officeSave,
  operatorSave,
  settingSet,
] as ServerCommand<never>[]

const byKey = new Map(all.map((c) => [`${c.name}@${c.argsVersion}`, c as ServerCommand]))

export function serverCommandFor(name: string, argsVersion: number): ServerCommand | undefined {
  return byKey.get(`${name}@${argsVersion}`)
}

/** Old clients' money and readings are always taken, whatever their version. */
export function alwaysAccepted(name: string): boolean {
  return name.startsWith('payment.') || name.startsWith('reading.') || name.startsWith('shift.')
}
