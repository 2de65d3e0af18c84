/**
 * Every IPC channel's name and nothing else: the preload checks names against this list, so its
 * bundle carries no schemas (zod) at all. test/shared/channel-names.test.ts keeps it equal to the
 * contract's channels (src-shared/api/contract.ts), by type and by value.
 */
export const channelNameList = [
  'session.login',
  'session.current',
  'session.logout',
  'session.lock',
  'session.unlock',
  'workstation.info',
  'accounts.search',
  'accounts.card',
  'accounts.register',
  'accounts.formOptions',
  'accounts.form',
  'accounts.duplicates',
  'accounts.edit',
  'accounts.linkPerson',
  'accounts.unlinkPerson',
  'accounts.recordConsent',
  'accounts.close',
  'meters.formContext',
  'meters.install',
  'meters.replace',
  'meters.remove',
  'readings.entryContext',
  'readings.submit',
  'readings.history',
  'readings.delete',
  'readings.statistics',
  'payments.proposal',
  'payments.record',
  'payments.cancel',
  'payments.history',
  'payments.receipt',
  'payments.print',
  'shifts.current',
  'shifts.open',
  'shifts.report',
  'shifts.close',
  'shifts.print',
  'setup.state',
  'setup.register',
  'sync.status',
  'sync.commands',
  'sync.now',
  'sync.resolve',
  'sync.reviewShift',
  'sync.changeServer',
  'sync.checkServer',
  'alerts.account',
  'alerts.list',
  'history.account',
  'history.operator',
  'reference.tariffs',
  'reference.suppliers',
  'reference.offices',
  'reference.operators',
  'reference.settings',
  'reference.setTariff',
  'reference.saveSupplier',
  'reference.saveOffice',
  'reference.saveOperator',
  'reference.setSetting',
  'updates.status',
] as const

export type ListedChannelName = (typeof channelNameList)[number]

const listed: ReadonlySet<string> = new Set(channelNameList)

export function isListedChannelName(name: unknown): name is ListedChannelName {
  return typeof name === 'string' && listed.has(name)
}
