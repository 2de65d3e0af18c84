import { auditOfOthersRoles } from '../../src-shared/audit/contract'
import type { Role } from '../../src-shared/operators/roles'
import type { DomainHandlers } from '../api/dispatch'
import { ApiFailure } from '../api/failure'
import { accountHistory, operatorHistory } from './history'

export const auditHandlers: DomainHandlers<'audit'> = {
  'audit.account': ({ accountId, ...range }, { services }) =>
    accountHistory(services.db, accountId, { ...range, timeZone: services.timeZone }),

  'audit.operator': ({ operatorId, ...range }, { services, session }) => {
    const self = session!.operatorId
    const target = operatorId ?? self
    // Supervisors read anyone's actions; everyone else only their own.
    if (target !== self && !(auditOfOthersRoles as readonly Role[]).includes(session!.role)) {
      throw new ApiFailure('forbidden', 'Действия других операторов видит только старший смены.')
    }
    return operatorHistory(services.db, target, { ...range, timeZone: services.timeZone })
  },
}
