import { syncCommands, type CommandEntry, type CommandName } from '../../src-shared/sync/commands'
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
import { appealChange, appealRegister } from './appeals'
import { priceListSet } from './reference-price'
import type { ServerCommand } from './server-command'
import {
  serviceRequestCallBack,
  serviceRequestChange,
  serviceRequestRegister,
} from './service-requests'
import { shiftClose, shiftOpen } from './shifts'

/**
 * The applier of every command of the shared contract, by name: the type refuses a missing one
 * and one the contract does not name.
 */
export const serverCommands: { [N in CommandName]: ServerCommand<N> } = {
  'account.register': accountRegister,
  'account.edit': accountEdit,
  'account.linkPerson': accountLinkPerson,
  'account.unlinkPerson': accountUnlinkPerson,
  'account.recordConsent': accountRecordConsent,
  'account.close': accountClose,
  'meter.install': meterInstall,
  'meter.replace': meterReplace,
  'meter.remove': meterRemove,
  'reading.submit': readingSubmit,
  'reading.delete': readingDelete,
  'payment.record': paymentRecord,
  'payment.reassign': paymentReassign,
  'payment.cancel': paymentCancel,
  'shift.open': shiftOpen,
  'shift.close': shiftClose,
  'tariff.set': tariffSet,
  'supplier.save': supplierSave,
  'office.save': officeSave,
  'operator.save': operatorSave,
  'setting.set': settingSet,
  'serviceRequest.register': serviceRequestRegister,
  'serviceRequest.change': serviceRequestChange,
  'serviceRequest.callBack': serviceRequestCallBack,
  'appeal.register': appealRegister,
  'appeal.change': appealChange,
  'priceList.set': priceListSet,
}

/** The contract entry and applier of a pushed command's name and arguments version. */
export function serverCommandFor(name: string, argsVersion: number) {
  if (!Object.hasOwn(serverCommands, name)) return undefined
  const contract: CommandEntry = syncCommands[name as CommandName]
  const payload =
    contract.argsVersion === argsVersion
      ? contract.payload
      : contract.older && Object.hasOwn(contract.older, argsVersion)
        ? contract.older[argsVersion]
        : undefined
  if (!payload) return undefined
  return {
    contract,
    /** The schema of this arguments version (the contract's, or an older one's reader). */
    payload,
    applier: serverCommands[name as CommandName] as unknown as ServerCommand,
  }
}

/** Old clients' money and readings are always taken, whatever their version. */
export function alwaysAccepted(name: string): boolean {
  return name.startsWith('payment.') || name.startsWith('reading.') || name.startsWith('shift.')
}
