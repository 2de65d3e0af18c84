import { defineStore } from 'pinia'
import type { InputOf } from '../../src-shared/api/contract'
import { call } from '../api/client'

/** The cash desk's shift at this workstation: the one open, its X/Z report, opening, closing. */
export const useShiftsStore = defineStore('shifts', () => {
  function current() {
    return call('shifts.current', {})
  }

  /** The open shift's X report, or a closed shift's Z report. */
  function report(shiftId?: string) {
    return call('shifts.report', { shiftId })
  }

  function open(openingCash: number) {
    return call('shifts.open', { openingCash })
  }

  function close(input: InputOf<'shifts.close'>) {
    return call('shifts.close', input)
  }

  return { current, report, open, close }
})
