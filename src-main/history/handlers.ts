import { historyOfOthersRoles } from '../../src-shared/history/contract'
import type { Role } from '../../src-shared/operators/roles'
import type { Handler } from '../api/dispatch'
import { ApiFailure } from '../api/failure'
import { accountHistory, operatorHistory } from './history'

export const historyHandlers: {
  'history.account': Handler<'history.account'>
  'history.operator': Handler<'history.operator'>
} = {
  'history.account': ({ accountId, ...range }, { services }) =>
    accountHistory(services.db, accountId, { ...range, timeZone: services.timeZone }),

  'history.operator': ({ operatorId, ...range }, { services, session }) => {
    const self = session!.operatorId
    const target = operatorId ?? self
    // Supervisors read anyone's actions; everyone else only their own.
    if (target !== self && !(historyOfOthersRoles as readonly Role[]).includes(session!.role)) {
      throw new ApiFailure('forbidden', 'Действия других операторов видит только старший смены.')
    }
    return operatorHistory(services.db, target, { ...range, timeZone: services.timeZone })
  },
}
