import type { CommandName } from '../../src-shared/sync/commands'
import { closeAccount } from '../accounts/close-account'
import { editAccount } from '../accounts/edit-account'
import { linkPerson, unlinkPerson } from '../accounts/link-person'
import { recordConsent } from '../accounts/record-consent'
import { registerAccount } from '../accounts/register-account'
import { installMeter } from '../meters/install-meter'
import { removeMeter } from '../meters/remove-meter'
import { replaceMeter } from '../meters/replace-meter'
import { cancelPayment } from '../payments/cancel-payment'
import { reassignPayment } from '../payments/reassign-payment'
import { recordPayment } from '../payments/record-payment'
import { deleteReading } from '../readings/delete-reading'
import { submitReadings } from '../readings/submit-readings'
import { saveOffice } from '../settings/save-office'
import { saveOperator } from '../settings/save-operator'
import { saveSupplier } from '../settings/save-supplier'
import { setSetting } from '../settings/set-setting'
import { setTariff } from '../settings/set-tariff'
import { closeShift, openShift } from '../shifts/shift-commands'
import { changeAppeal } from '../appeals/change-appeal'
import { registerAppeal } from '../appeals/register-appeal'
import { callBackServiceRequest, changeServiceRequest } from '../service-requests/change-request'
import { registerServiceRequest } from '../service-requests/register-request'
import { setPrice } from '../service-requests/set-price'
import type { CommandDef } from './command'

/**
 * Every command the workstation makes, by its name in the shared contract: the type refuses a
 * contract command without a definition here, and a definition the contract does not name.
 */
export const workstationCommands: { [N in CommandName]: CommandDef<never, unknown, N> } = {
  'account.register': registerAccount,
  'account.edit': editAccount,
  'account.linkPerson': linkPerson,
  'account.unlinkPerson': unlinkPerson,
  'account.recordConsent': recordConsent,
  'account.close': closeAccount,
  'meter.install': installMeter,
  'meter.replace': replaceMeter,
  'meter.remove': removeMeter,
  'reading.submit': submitReadings,
  'reading.delete': deleteReading,
  'payment.record': recordPayment,
  'payment.reassign': reassignPayment,
  'payment.cancel': cancelPayment,
  'shift.open': openShift,
  'shift.close': closeShift,
  'tariff.set': setTariff,
  'supplier.save': saveSupplier,
  'office.save': saveOffice,
  'operator.save': saveOperator,
  'setting.set': setSetting,
  'serviceRequest.register': registerServiceRequest,
  'serviceRequest.change': changeServiceRequest,
  'serviceRequest.callBack': callBackServiceRequest,
  'appeal.register': registerAppeal,
  'appeal.change': changeAppeal,
  'priceList.set': setPrice,
}
