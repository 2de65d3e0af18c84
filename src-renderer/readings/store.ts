import { defineStore } from 'pinia'
import { call, caller } from '../api/client'

/** An account's readings on its card: history, a meter's year of consumption, a deletion. */
export const useReadingsStore = defineStore('readings', () => {
  const history = caller('readings.history')

  function statistics(meterId: string, year: number) {
    return call('readings.statistics', { meterId, year })
  }

  function remove(readingId: string, reason: string) {
    return call('readings.delete', { readingId, reason })
  }

  return { history, statistics, remove }
})
