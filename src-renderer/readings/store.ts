import { defineStore } from 'pinia'
import type { InputOf } from '../../src-shared/api/contract'
import { call } from '../api/client'

/** An account's readings on its card: history, a meter's year of consumption, a deletion. */
export const useReadingsStore = defineStore('readings', () => {
  function history(input: InputOf<'readings.history'>) {
    return call('readings.history', input)
  }

  function statistics(meterId: string, year: number) {
    return call('readings.statistics', { meterId, year })
  }

  function remove(readingId: string, reason: string) {
    return call('readings.delete', { readingId, reason })
  }

  return { history, statistics, remove }
})
