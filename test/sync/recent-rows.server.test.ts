import { describe, expect, it } from 'vitest'
import { createOffice } from '../../src-server/admin/reference'
import { pullPage } from '../../src-server/sync/pull'
import { RecentRows, type RecentRow } from '../../src-server/sync/recent-rows'
import { SyncedWriter } from '../../src-server/sync/synced-write'
import { pulledRows, type PulledRow, type SyncCursor } from '../../src-shared/sync/protocol'
import { seedBranch, type SeededBranch, useTestDatabase } from '../support/server'

const database = useTestDatabase()

/** Every page from `cursor` on, as a workstation pulls them. */
async function pullAll(
  branch: SeededBranch,
  cursor: SyncCursor,
  limit: number,
  recent?: RecentRows,
) {
  const pages: PulledRow[][] = []
  for (;;) {
    expect(pages.length).toBeLessThan(100)
    const page = await pullPage(database.db, branch.branchId, cursor, limit, undefined, recent)
    expect(page.count).toBeLessThanOrEqual(limit)
    expect(page.cursor.branch).toBeGreaterThanOrEqual(cursor.branch)
    pages.push(pulledRows(page))
    cursor = page.cursor
    if (!page.more) return { pages, cursor }
  }
}

/** The offices (id → name) a replica holds after applying the pages as the workstation does. */
function officesAfter(pages: PulledRow[][]) {
  const held = new Map<string, unknown>()
  for (const page of pages) {
    const offices = page.filter((r) => r.t === 'offices')
    for (const row of offices.filter((r) => r.d)) held.delete(row.r.id as string)
    for (const row of offices.filter((r) => !r.d)) held.set(row.r.id as string, row.r.name)
  }
  return held
}

const addOffices = (branch: SeededBranch, names: string[]) =>
  Promise.all(
    names.map((name) =>
      createOffice(database.db, { branchId: branch.branchId, name, address: '-' }),
    ),
  )

describe('recent rows kept for pulls', () => {
  it('serve the pages the database serves, to workstations at different cursors', async () => {
    const branch = await seedBranch(database.db)
    const start = (await pullAll(branch, { branch: 0, global: 0 }, 1000)).cursor
    const kept = new RecentRows()
    const cursors: SyncCursor[] = [start]
    for (let round = 0; round < 4; round++) {
      await addOffices(branch, [`Р${round}-1`, `Р${round}-2`, `Р${round}-3`])
      // Workstations a round or more behind, newest first, as they come: the kept window grows
      // at its newer end, a fresh one at its older end.
      const fresh = new RecentRows()
      for (const cursor of [...cursors].reverse()) {
        for (const limit of [2, 1000]) {
          const direct = await pullAll(branch, cursor, limit)
          expect(await pullAll(branch, cursor, limit, kept)).toEqual(direct)
          expect(await pullAll(branch, cursor, limit, fresh)).toEqual(direct)
        }
      }
      cursors.push((await pullAll(branch, start, 1000)).cursor)
    }
  })

  it('send only the newest of a row changed or deleted after they kept it', async () => {
    const branch = await seedBranch(database.db)
    const start = (await pullAll(branch, { branch: 0, global: 0 }, 1000)).cursor
    const recent = new RecentRows()
    const [renamed, closed] = await addOffices(branch, ['Старое имя', 'Закрываемый'])
    // A workstation pulls: the window keeps both rows as they were (created at once, in either
    // order).
    const first = officesAfter((await pullAll(branch, start, 1000, recent)).pages)
    expect(Object.fromEntries(first)).toEqual({
      [renamed!]: 'Старое имя',
      [closed!]: 'Закрываемый',
    })
    await database.db.transaction(async (tx) => {
      const write = new SyncedWriter(tx, branch.branchId)
      await write.update('offices', renamed!, { name: 'Новое имя' })
      await write.update('offices', closed!, { deletedAt: '2026-11-20T10:00:00.000Z' })
    })
    // Another, still at the start, gets each row once, in its newest state, in one page.
    const page = await pullPage(database.db, branch.branchId, start, 1000, undefined, recent)
    const offices = pulledRows(page).filter((r) => r.t === 'offices')
    expect(offices.map((r) => [r.r.id, r.d ?? false])).toEqual(
      expect.arrayContaining([
        [renamed, false],
        [closed, true],
      ]),
    )
    expect(offices).toHaveLength(2)
    expect(offices.find((r) => r.r.id === renamed)!.r.name).toBe('Новое имя')
    // Page by page, an older state may come first, but the replica ends the same.
    const paged = await pullAll(branch, start, 1, recent)
    expect(officesAfter(paged.pages)).toEqual(new Map([[renamed, 'Новое имя']]))
    expect(paged.cursor).toEqual(page.cursor)
  })

  it('stay right for workstations further behind than a window spans', async () => {
    const branch = await seedBranch(database.db)
    const start = (await pullAll(branch, { branch: 0, global: 0 }, 1000)).cursor
    const recent = new RecentRows(5)
    await addOffices(
      branch,
      Array.from({ length: 12 }, (_, i) => `Д${i}`),
    )
    const near = (await pullAll(branch, start, 1000)).cursor
    await addOffices(branch, ['Последний'])
    for (const cursor of [start, near]) {
      expect(await pullAll(branch, cursor, 4, recent)).toEqual(await pullAll(branch, cursor, 4))
    }
  })
})

describe('a window of recent rows', () => {
  it('stays whole when pulls come with heads older than it, before and after it is cut', async () => {
    // The stream as the database holds it: one office row per version.
    const stream: RecentRow[] = []
    const grow = (to: number) => {
      for (let v = stream.length + 1; v <= to; v++) {
        stream.push({ v, t: 'offices', k: `o${v}`, dead: false, a: `["o${v}"]` })
      }
    }
    // A pull knows the tables changed up to its head only: the window never reads past it.
    let pulling = 0
    const read = (from: number, to: number) => {
      expect(to).toBeLessThanOrEqual(pulling)
      return Promise.resolve(stream.filter((r) => r.v > from && r.v <= to))
    }
    const recent = new RecentRows(10)
    grow(30)
    // [after, head] of each pull in turn, and whether the window serves it. The stream grows to
    // 40 before the third, which cuts the window to (30, 40]; the fourth needs it back to 28.
    // The fifth would cut it past its own head: left to the database, as are pulls too far
    // behind or older than the window.
    const pulls = [
      [22, 30, true],
      [18, 25, true],
      [31, 40, true],
      [28, 36, true],
      [27, 29, false],
      [35, 40, true],
      [10, 25, false],
      [26, 27, false],
    ] as const
    for (const [after, head, served] of pulls) {
      pulling = head
      if (head > stream.length) grow(head)
      const rows = stream.filter((r) => r.v > after && r.v <= head)
      expect(await recent.page('branch', after, head, 100, read)).toEqual(
        served
          ? {
              tables: [
                {
                  t: 'offices',
                  live: rows.map((r) => r.a).join(','),
                  dead: null,
                  last: head,
                  count: rows.length,
                },
              ],
              more: false,
            }
          : null,
      )
    }
  })
})
