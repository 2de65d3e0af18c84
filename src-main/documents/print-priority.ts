import { readdirSync } from 'node:fs'
import { constants, getPriority, setPriority } from 'node:os'

/**
 * The niceness of the processes that render print jobs: below the app's, so on a two-core
 * counter workstation the clerk's window (and the app's own event loop) wins the CPU and a
 * batch of bills takes what is left.
 */
export const printNice = constants.priority.PRIORITY_BELOW_NORMAL

const linux = process.platform === 'linux'

function list(path: string): string[] {
  try {
    return readdirSync(path)
  } catch {
    return []
  }
}

function lowerThread(tid: number): void {
  try {
    if (getPriority(tid) < printNice) setPriority(tid, printNice)
  } catch {
    // Gone meanwhile, or not ours to change: the job prints at the priority it has.
  }
}

/**
 * Runs `pids` below the app's priority. On Linux the niceness is per thread, so every thread
 * is lowered (threads and processes they start later inherit it). Meant for processes of the
 * app's own session (Electron's print windows): where the kernel groups threads by session
 * (autogroup), a process leading its own (Playwright starts Chromium so) is weighed against
 * the app's as a whole whatever its threads' niceness, and lowering that group starved
 * Chromium's printing once other work loaded the machine.
 */
export function lowerPrintPriority(pids: readonly number[]): void {
  // 0 would be this very thread.
  for (const pid of pids.filter((p) => p > 0)) {
    if (linux) for (const tid of list(`/proc/${pid}/task`)) lowerThread(Number(tid))
    else lowerThread(pid)
  }
}

/**
 * Runs the calling thread (a worker thread building print jobs) below the app's priority, so
 * the app's event loop, on the main thread of the same process, wins the CPU over it. Only where
 * the niceness is per thread (Linux); elsewhere it is the whole process's, left as it is.
 */
export function lowerThisThreadPriority(): void {
  // 0 is the calling thread.
  if (linux) lowerThread(0)
}
