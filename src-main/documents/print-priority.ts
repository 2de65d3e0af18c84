import { readdirSync, readFileSync } from 'node:fs'
import { constants, getPriority, setPriority } from 'node:os'

/**
 * The niceness of the processes that render print jobs: below the app's, so on a two-core
 * counter workstation the clerk's window (and the app's own event loop) wins the CPU and a
 * batch of bills takes what is left.
 */
export const printNice = constants.priority.PRIORITY_BELOW_NORMAL

const linux = process.platform === 'linux'

function read(path: string): string | null {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    // The process (or thread) ended meanwhile.
    return null
  }
}

function list(path: string): string[] {
  try {
    return readdirSync(path)
  } catch {
    return []
  }
}

/** The child processes of `pid` (Linux: every thread's `children` list). */
export function childProcesses(pid: number): number[] {
  return list(`/proc/${pid}/task`).flatMap((tid) =>
    (read(`/proc/${pid}/task/${tid}/children`) ?? '').split(' ').filter(Boolean).map(Number),
  )
}

/** This process's children started with `arg` on their command line. */
export function ownChildrenWithArg(arg: string): number[] {
  return childProcesses(process.pid).filter((pid) =>
    (read(`/proc/${pid}/cmdline`) ?? '').split('\0').includes(arg),
  )
}

/** `pid` and every process below it. */
export function processTree(pid: number): number[] {
  const out = [pid]
  for (let i = 0; i < out.length; i++) out.push(...childProcesses(out[i]!))
  return out
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
 * is lowered (threads and processes they start later inherit it). A process leading a session
 * of its own (Playwright starts Chromium so) is, where the kernel groups by session, weighed
 * against the app's as a whole group: its group is left alone, since lowered it starves when
 * other work loads the machine (a test run's printing then timed out).
 */
export function lowerPrintPriority(pids: readonly number[]): void {
  // 0 would be this very thread.
  for (const pid of pids.filter((p) => p > 0)) {
    if (linux) for (const tid of list(`/proc/${pid}/task`)) lowerThread(Number(tid))
    else lowerThread(pid)
  }
}
