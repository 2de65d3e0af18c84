import { spawn, type ChildProcess } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { getPriority } from 'node:os'
import { afterEach, describe, expect, it } from 'vitest'
import { lowerPrintPriority, printNice } from '../../src-main/documents/print-priority'

let child: ChildProcess | null = null
afterEach(() => {
  child?.kill()
  child = null
})

/** A real Node process, which runs several threads of its own (V8's, libuv's). */
function startProcess(): Promise<number> {
  const script = `setTimeout(() => console.log('ready'), 200); setInterval(() => {}, 1000)`
  const started = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'ignore'] })
  child = started
  return new Promise((resolve) => started.stdout!.once('data', () => resolve(started.pid!)))
}

const threadsOf = (pid: number) => readdirSync(`/proc/${pid}/task`).map(Number)

describe('print jobs below the app priority', () => {
  it('lowers every thread of the process, and leaves the app alone', async () => {
    const pid = await startProcess()
    const ownBefore = getPriority()
    const threads = threadsOf(pid)
    expect(threads.length).toBeGreaterThan(4)
    // Started at the test's own niceness (inherited), lowered to the print jobs' (never raised).
    expect(threads.map((tid) => getPriority(tid))).toEqual(threads.map(() => ownBefore))
    lowerPrintPriority([pid])
    const lowered = Math.max(ownBefore, printNice)
    expect(threads.map((tid) => getPriority(tid))).toEqual(threads.map(() => lowered))
    expect(getPriority()).toBe(ownBefore)
    // A window without a renderer yet reports pid 0, which the OS reads as the caller itself.
    lowerPrintPriority([0])
    expect(getPriority()).toBe(ownBefore)
  })

  it('takes a process that ended meanwhile as no failure', async () => {
    const pid = await startProcess()
    child!.kill()
    await new Promise((resolve) => child!.once('exit', resolve))
    expect(() => lowerPrintPriority([pid])).not.toThrow()
  })
})
