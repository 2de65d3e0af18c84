import { spawn, type ChildProcess } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { getPriority } from 'node:os'
import { afterEach, describe, expect, it } from 'vitest'
import {
  lowerPrintPriority,
  ownChildrenWithArg,
  printNice,
  processTree,
} from '../../src-main/documents/print-priority'

const started: number[] = []
afterEach(() => {
  // The child and the one it started: none left running.
  for (const pid of started.splice(0))
    try {
      process.kill(pid)
    } catch {
      // Ended already.
    }
})

/** A real Node process (several threads of its own) that starts one child and waits. */
function startProcess(marker: string): Promise<ChildProcess> {
  const script = `require('node:child_process').spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' }); setTimeout(() => console.log('ready'), 200); setInterval(() => {}, 1000)`
  const child = spawn(process.execPath, ['-e', script, '--', marker], {
    stdio: ['ignore', 'pipe', 'ignore'],
  })
  return new Promise((resolve) =>
    child.stdout!.once('data', () => {
      started.push(...processTree(child.pid!))
      resolve(child)
    }),
  )
}

const threadsOf = (pid: number) => readdirSync(`/proc/${pid}/task`).map(Number)

describe('print jobs below the app priority', () => {
  it('finds its own child by a command-line argument, with the process below it', async () => {
    const child = await startProcess('--print-priority-test-a')
    expect(ownChildrenWithArg('--print-priority-test-a')).toEqual([child.pid])
    expect(ownChildrenWithArg('--no-such-argument')).toEqual([])
    const tree = processTree(child.pid!)
    expect(tree).toHaveLength(2)
    expect(tree[0]).toBe(child.pid)
  })

  it('lowers every thread of every process in the tree, and leaves the app alone', async () => {
    const child = await startProcess('--print-priority-test-b')
    const tree = processTree(child.pid!)
    const ownBefore = getPriority(process.pid)
    lowerPrintPriority(tree)
    const threads = tree.flatMap(threadsOf)
    // A Node process runs several threads (V8's, libuv's): every one of them lowered.
    expect(threads.length).toBeGreaterThan(4)
    expect(threads.map((tid) => getPriority(tid))).toEqual(threads.map(() => printNice))
    expect(getPriority(process.pid)).toBe(ownBefore)
    // A window without a renderer yet reports pid 0, which the OS reads as the caller itself.
    lowerPrintPriority([0])
    expect(getPriority(process.pid)).toBe(ownBefore)
    expect(getPriority()).toBe(ownBefore)
    // A process that ended meanwhile is no failure.
    child.kill()
    await new Promise((resolve) => child.once('exit', resolve))
    expect(() => lowerPrintPriority(tree)).not.toThrow()
  })
})
