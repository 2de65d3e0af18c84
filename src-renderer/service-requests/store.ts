import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { AppealRow } from '../../src-shared/appeals/contract'
import type { PriceListEntry, ServiceRequestRow } from '../../src-shared/service-requests/contract'
import { call, caller } from '../api/client'

/**
 * Service requests and appeals: an account's lists (the card's tab), the overdue ones (the
 * follow-up screen), the price list, and what the clerk does with them.
 */
export const useServiceRequestsStore = defineStore('serviceRequests', () => {
  /** The account whose lists are held. */
  const accountId = ref<string | null>(null)
  const requests = ref<ServiceRequestRow[]>([])
  const appeals = ref<AppealRow[]>([])
  const overdueRequests = ref<ServiceRequestRow[]>([])
  const overdueAppeals = ref<AppealRow[]>([])
  const overdueError = ref<string | null>(null)
  const prices = ref<PriceListEntry[]>([])

  /** An account's requests and appeals; another account's are not shown meanwhile. */
  async function load(id: string): Promise<void> {
    if (accountId.value !== id) {
      accountId.value = id
      requests.value = []
      appeals.value = []
    }
    const [r, a] = await Promise.all([
      call('serviceRequests.list', { accountId: id }),
      call('appeals.list', { accountId: id }),
    ])
    if (accountId.value !== id) return
    if (r.ok) requests.value = r.value
    if (a.ok) appeals.value = a.value
  }

  async function loadOverdue(): Promise<void> {
    const [r, a] = await Promise.all([
      call('serviceRequests.overdue', {}),
      call('appeals.overdue', {}),
    ])
    if (r.ok) overdueRequests.value = r.value
    if (a.ok) overdueAppeals.value = a.value
    overdueError.value = !r.ok ? r.error.message : !a.ok ? a.error.message : null
  }

  async function loadPrices(): Promise<void> {
    const result = await call('serviceRequests.prices', {})
    if (result.ok) prices.value = result.value
  }

  function callBack(requestId: string) {
    return call('serviceRequests.callBack', { requestId })
  }

  function printRequest(requestId: string) {
    return call('serviceRequests.print', { requestId })
  }

  function attach(name: string, content: string) {
    return call('appeals.attach', { name, content })
  }

  function printAcknowledgement(appealId: string) {
    return call('appeals.printAcknowledgement', { appealId })
  }

  function openAttachment(sha256: string) {
    return call('appeals.openAttachment', { sha256 })
  }

  return {
    accountId,
    requests,
    appeals,
    overdueRequests,
    overdueAppeals,
    overdueError,
    prices,
    load,
    loadOverdue,
    loadPrices,
    register: caller('serviceRequests.register'),
    change: caller('serviceRequests.change'),
    callBack,
    printRequest,
    attach,
    registerAppeal: caller('appeals.register'),
    changeAppeal: caller('appeals.change'),
    printAcknowledgement,
    openAttachment,
  }
})
