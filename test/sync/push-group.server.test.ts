import { randomBytes } from 'node:crypto'
import { sql } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { registerAccountSchema } from '../../src-shared/accounts/schemas'
import { syncMessages } from '../../src-shared/sync/messages'
import {
  type CommandOutcome,
  type PushedCommand,
  type PushResponse,
  type SyncCursor,
} from '../../src-shared/sync/protocol'
import { SyncServerClient } from '../../src-main/sync/server-client'
import { queryRows } from '../../src-server/db/query'
import { pullPage } from '../../src-server/sync/pull'
import { nextGroup, PushGroups } from '../../src-server/sync/push-group'
import type { PushOptions } from '../../src-server/sync/push'
import { headVersion } from '../../src-server/sync/versions'
import type { WorkstationCredentials } from '../../src-server/workstation/credentials'
import { accountInput } from '../support/temp-app'
import {
  newWorkstation,
  operatorIdOf,
  PushingDevice,
  seedBranch,
  type SeededBranch,
  useSyncServer,
  workstationVersions as versions,
} from '../support/server'

// A branch's pushes that arrive together are applied in one transaction (group commit); each
// push still gets its own outcomes, and a bad command costs only its own push.
const { database, server } = useSyncServer()

let branch: SeededBranch
let clerk: string
/** A clerk of another branch: naming them is a forged operator. */
let strangerClerk: string
beforeAll(async () => {
  branch = await seedBranch(database.db)
  clerk = await operatorIdOf(database.db, branch.login('clerk'))
  const other = await seedBranch(database.db)
  strangerClerk = await operatorIdOf(database.db, other.login('clerk'))
})

/** One workstation's device: its commands take the next sequence numbers. */
class Device extends PushingDevice {
  constructor(readonly ws: WorkstationCredentials & { branchId: string }) {
    super()
  }

  /** An account.register of a new account (`lastName` as given, `accountId` reused if given). */
  register(
    overrides: {
      lastName?: string
      accountId?: string
      operatorId?: string
      number?: string
      /** A customer already on the server (or made earlier in the group) holds it. */
      holderId?: string
    } = {},
  ) {
    const key = randomBytes(5).toString('hex')
    const input = registerAccountSchema.parse(
      accountInput({
        officeId: branch.officeId,
        services: [{ service: 'electricity', supplierId: branch.supplierId }],
      }),
    )
    const args = {
      ...input,
      holder: { ...input.holder, lastName: overrides.lastName ?? input.holder.lastName },
      number: overrides.number ?? `78${parseInt(key, 16)}`.slice(0, 12),
      accountId: overrides.accountId ?? `acc-${key}`,
      customerId: overrides.holderId ?? `cust-${key}`,
      existingHolderId: overrides.holderId ?? null,
    }
    return this.command('account.register', args, overrides.operatorId ?? clerk, `cmd-${key}`)
  }

  /** An account.recordConsent of `accountId`: a command that reads the accounts itself. */
  consent(accountId: string): PushedCommand {
    const key = randomBytes(5).toString('hex')
    const args = {
      accountId,
      kind: 'sms',
      given: true,
      date: '2026-11-20',
      consentId: `cons-${key}`,
    }
    return this.command('account.recordConsent', args, clerk, `cmd-${key}`)
  }

  request(commands: PushedCommand[]) {
    return { versions, deviceId: this.device, commands }
  }
}

async function devices(n: number): Promise<Device[]> {
  const made: Device[] = []
  for (let i = 0; i < n; i++)
    made.push(new Device(await newWorkstation(database.db, branch.officeId)))
  return made
}

const accountIdOf = (c: PushedCommand) => (c.args as { accountId: string }).accountId

async function accountsWithIds(ids: string[]): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    database.db,
    sql`SELECT id FROM accounts WHERE id IN (${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )})`,
  )
  return rows.map((r) => r.id)
}

/** When each command's transaction began (now() in PostgreSQL): one value per transaction. */
async function transactionsOf(commands: PushedCommand[]): Promise<number> {
  const rows = await queryRows<{ n: number }>(
    database.db,
    sql`SELECT count(DISTINCT received_at) AS n FROM applied_commands WHERE command_id IN (${sql.join(
      commands.map((c) => sql`${c.id}`),
      sql`, `,
    )})`,
  )
  return Number(rows[0]!.n)
}

/**
 * A push held in its transaction until `release` is called, so that the pushes made meanwhile
 * wait for it and then go together as one group.
 */
function heldLeader(groups: PushGroups, device: Device) {
  let release!: () => void
  const gate = new Promise<void>((resolve) => (release = resolve))
  const options: PushOptions = { outdated: false, beforeCommit: () => gate }
  const command = device.register()
  const answer = groups.push(device.ws, device.request([command]), options)
  return { answer, release, command }
}

const plain: PushOptions = { outdated: false }

const applied = (o: CommandOutcome) => o.status === 'applied'

describe('group commit of a branch pushes', () => {
  it.each([
    { sizes: [1], taken: 1 },
    { sizes: Array<number>(70).fill(1), taken: 64 },
    { sizes: Array<number>(6).fill(200), taken: 5 },
    { sizes: [150, 200, 200, 200, 200, 200], taken: 5 },
    { sizes: [200, 1, 1], taken: 3 },
  ])('a group of pushes of $sizes commands takes $taken', ({ sizes, taken }) => {
    const waiting = sizes.map((n) => ({
      entry: { request: { commands: Array<number>(n).fill(0) } },
    }))
    const group = nextGroup(waiting)
    expect(group.map((w) => w.entry.request.commands.length)).toEqual(sizes.slice(0, taken))
    expect(waiting).toHaveLength(sizes.length - taken)
  })

  it('concurrent pushes of many workstations are applied once each, with distinct increasing versions, and every other workstation pulls them all', async () => {
    const stations = await devices(24)
    const start: SyncCursor = {
      branch: await headVersion(database.db, branch.branchId),
      global: await headVersion(database.db, null),
    }
    const clients = stations.map(
      (d) => new SyncServerClient({ serverUrl: server.url, ...d.ws }, versions),
    )
    const cursors = stations.map(() => ({ ...start }))
    const seenBy = stations.map(() => new Set<string>())
    const pushed: PushedCommand[] = []
    const lastVersion = stations.map(() => 0)
    for (let round = 0; round < 3; round++) {
      await Promise.all(
        stations.map(async (d, i) => {
          const command = d.register()
          pushed.push(command)
          const answer = await clients[i]!.push(d.device, [command])
          expect(answer.stopped).toBeNull()
          const outcome = answer.outcomes[0] as CommandOutcome & { version: number }
          expect(outcome).toMatchObject({ id: command.id, status: 'applied' })
          // A workstation's later command has a later version.
          expect(outcome.version).toBeGreaterThan(lastVersion[i]!)
          lastVersion[i] = outcome.version
          for (let more = true; more;) {
            const page = await clients[i]!.pull({ cursor: cursors[i]!, limit: 1000 })
            for (const t of page.tables.filter((t) => t.table === 'accounts')) {
              const id = t.columns.indexOf('id')
              for (const row of t.rows) seenBy[i]!.add(String(row[id]))
            }
            cursors[i] = page.cursor
            more = page.more
          }
        }),
      )
    }
    const ids = pushed.map(accountIdOf)
    expect((await accountsWithIds(ids)).sort()).toEqual([...ids].sort())
    const records = await queryRows<{ version: number }>(
      database.db,
      sql`SELECT version FROM applied_commands WHERE command_id IN (${sql.join(
        pushed.map((c) => sql`${c.id}`),
        sql`, `,
      )})`,
    )
    expect(records).toHaveLength(pushed.length)
    expect(new Set(records.map((r) => Number(r.version))).size).toBe(pushed.length)
    // A last pull of each: no cursor passed a row committed after it.
    await Promise.all(
      stations.map(async (_, i) => {
        const page = await pullPage(database.db, branch.branchId, cursors[i]!, 1000)
        for (const t of page.tables.filter((t) => t.table === 'accounts')) {
          const id = t.columns.indexOf('id')
          for (const row of t.rows) seenBy[i]!.add(String(row[id]))
        }
      }),
    )
    for (const seen of seenBy) expect(ids.filter((id) => !seen.has(id))).toEqual([])
  })

  it('one group: a U+0000 text and a forged operator are rejected alone, a duplicate and a foreign command id are answered as such, the rest applied in one transaction', async () => {
    const groups = new PushGroups(database.db)
    const [leader, ...stations] = await devices(8)
    const held = heldLeader(groups, leader!)
    const good = stations.slice(0, 5).map((d) => d.register())
    const poison = stations[5]!.register({ lastName: 'Смир\u0000нов' })
    const forged = stations[6]!.register({ operatorId: strangerClerk })
    const answers: Promise<PushResponse>[] = [
      ...good.map((c, i) => groups.push(stations[i]!.ws, stations[i]!.request([c]), plain)),
      groups.push(stations[5]!.ws, stations[5]!.request([poison]), plain),
      groups.push(stations[6]!.ws, stations[6]!.request([forged]), plain),
      // The first workstation's push again (a retry after a timeout), in the same group.
      groups.push(stations[0]!.ws, stations[0]!.request([good[0]!]), plain),
      // Another workstation naming the second one's command id.
      groups.push(
        stations[6]!.ws,
        stations[6]!.request([{ ...stations[6]!.register(), id: good[1]!.id }]),
        plain,
      ),
    ]
    held.release()
    expect((await held.answer).outcomes[0]).toMatchObject({ status: 'applied' })
    const [g0, g1, g2, g3, g4, bad, fake, again, replay] = (await Promise.all(answers)).map((a) => {
      expect(a.stopped).toBeNull()
      return a.outcomes
    })
    const goodOutcomes = [g0, g1, g2, g3, g4].map((o) => o![0]!)
    expect(goodOutcomes.every(applied)).toBe(true)
    const goodVersions = goodOutcomes.map((o) => (o as { version: number }).version)
    // Versions in the order the pushes came.
    expect([...goodVersions].sort((a, b) => a - b)).toEqual(goodVersions)
    expect(new Set(goodVersions).size).toBe(5)
    expect(bad).toEqual([
      {
        id: poison.id,
        status: 'rejected',
        reason: syncMessages.unstorableText('holder.lastName'),
      },
    ])
    expect(fake).toEqual([
      { id: forged.id, status: 'rejected', reason: syncMessages.operatorOtherBranch },
    ])
    expect(again).toEqual([
      {
        id: good[0]!.id,
        status: 'duplicate',
        outcome: 'applied',
        result: { accountId: accountIdOf(good[0]!) },
        reason: null,
        version: goodVersions[0],
      },
    ])
    expect(replay).toEqual([
      { id: good[1]!.id, status: 'rejected', reason: syncMessages.foreignCommandId },
    ])
    const ids = [...good, poison, forged].map(accountIdOf)
    expect((await accountsWithIds(ids)).sort()).toEqual(good.map(accountIdOf).sort())
    // The group was one transaction, apart from its leader's.
    expect(await transactionsOf([...good, poison, forged])).toBe(1)
  })

  it('a command breaking a constraint fails the group; each push then goes alone, and only that command is rejected', async () => {
    const groups = new PushGroups(database.db)
    const [leader, ...stations] = await devices(6)
    const held = heldLeader(groups, leader!)
    const before = stations.slice(0, 4).map((d) => [d.register(), d.register()])
    // The account id of the leader's command again: the accounts' key says no.
    const breaker = stations[4]!.register({ accountId: accountIdOf(held.command) })
    const after = stations[4]!.register()
    const answers = [
      ...before.map((cs, i) => groups.push(stations[i]!.ws, stations[i]!.request(cs), plain)),
      groups.push(stations[4]!.ws, stations[4]!.request([breaker, after]), plain),
    ]
    held.release()
    await held.answer
    const outcomes = (await Promise.all(answers)).map((a) => {
      expect(a.stopped).toBeNull()
      return a.outcomes
    })
    for (const o of outcomes.slice(0, 4))
      expect(o.map((x) => x.status)).toEqual(['applied', 'applied'])
    expect(outcomes[4]!.map((x) => x.status)).toEqual(['rejected', 'applied'])
    expect((outcomes[4]![0] as { reason: string }).reason).toContain('противоречит данным сервера')
    const ids = [...before.flat(), after].map(accountIdOf)
    expect((await accountsWithIds(ids)).sort()).toEqual([...ids].sort())
  })

  it('a transient failure of the group falls back: every push is applied once on its own', async () => {
    const groups = new PushGroups(database.db)
    const [leader, ...stations] = await devices(5)
    const held = heldLeader(groups, leader!)
    const commands = stations.map((d) => d.register())
    let failures = 0
    const flaky: PushOptions = {
      outdated: false,
      // The connection drops once, inside the group's transaction.
      beforeCommit: async () => {
        if (failures++ === 0) throw new Error('Connection terminated unexpectedly')
      },
    }
    const answers = commands.map((c, i) =>
      groups.push(stations[i]!.ws, stations[i]!.request([c]), i === 2 ? flaky : plain),
    )
    held.release()
    await held.answer
    const outcomes = (await Promise.all(answers)).map((a) => {
      expect(a.stopped).toBeNull()
      return a.outcomes[0]!
    })
    expect(failures).toBe(2)
    expect(outcomes.every(applied)).toBe(true)
    expect((await accountsWithIds(commands.map(accountIdOf))).sort()).toEqual(
      commands.map(accountIdOf).sort(),
    )
    // Each went alone: a transaction each.
    expect(await transactionsOf(commands)).toBe(commands.length)
  })

  it('a group writes its new accounts once per table: its own rows answer the later checks, a poison is rejected alone, every other command is applied once, in order, with increasing versions', async () => {
    const groups = new PushGroups(database.db)
    const [leader, ...stations] = await devices(7)
    const held = heldLeader(groups, leader!)
    const first = stations[0]!.register()
    const firstNumber = (first.args as { number: string }).number
    const firstHolder = (first.args as { customerId: string }).customerId
    // Made earlier in the same group: the number is taken, the holder is there.
    const sameNumber = stations[1]!.register({ number: firstNumber })
    const sameHolder = stations[2]!.register({ holderId: firstHolder })
    const poison = stations[3]!.register({ lastName: 'Смир\u0000нов' })
    const rest = stations.slice(4).map((d) => d.register())
    const pushes = [first, sameNumber, sameHolder, poison, ...rest]
    const answers = pushes.map((c, i) =>
      groups.push(stations[i]!.ws, stations[i]!.request([c]), plain),
    )
    held.release()
    await held.answer
    const outcomes = (await Promise.all(answers)).map((a) => {
      expect(a.stopped).toBeNull()
      return a.outcomes[0]!
    })
    expect(outcomes.map((o) => o.status)).toEqual([
      'applied',
      'rejected',
      'applied',
      'rejected',
      ...rest.map(() => 'applied'),
    ])
    expect(outcomes[1]).toMatchObject({ reason: syncMessages.accountNumberTaken(firstNumber) })
    expect(outcomes[3]).toMatchObject({ reason: syncMessages.unstorableText('holder.lastName') })
    const good = [first, sameHolder, ...rest]
    const goodVersions = outcomes.filter(applied).map((o) => (o as { version: number }).version)
    expect([...goodVersions].sort((a, b) => a - b)).toEqual(goodVersions)
    expect(new Set(goodVersions).size).toBe(good.length)
    // Each account once, its rows' versions in the order its command wrote them and no later
    // than the command's version, after the previous command's.
    const rows = await queryRows<{ id: string; holder: number; account: number; service: number }>(
      database.db,
      sql`SELECT a.id, c.sync_version AS holder, a.sync_version AS account,
                 (SELECT max(s.sync_version) FROM account_services s WHERE s.account_id = a.id) AS service
            FROM accounts a JOIN customers c ON c.id = a.holder_id
           WHERE a.id IN (${sql.join(
             [...good, sameNumber, poison].map((c) => sql`${accountIdOf(c)}`),
             sql`, `,
           )})`,
    )
    const byId = new Map(rows.map((r) => [r.id, r]))
    expect([...byId.keys()].sort()).toEqual(good.map(accountIdOf).sort())
    let previous = 0
    good.forEach((c, i) => {
      const r = byId.get(accountIdOf(c))!
      const account = Number(r.account)
      expect(account).toBeGreaterThan(previous)
      expect(Number(r.service)).toBeGreaterThan(account)
      expect(Number(r.service)).toBe(goodVersions[i])
      previous = Number(r.service)
    })
    // The shared holder's row is the first command's, untouched by the second.
    expect(Number(byId.get(accountIdOf(sameHolder))!.holder)).toBe(
      Number(byId.get(accountIdOf(first))!.holder),
    )
    expect(await transactionsOf(pushes)).toBe(1)
  })

  it('a command that reads for itself, behind a new account in its group, finds that account', async () => {
    const groups = new PushGroups(database.db)
    const [leader, a, b] = await devices(3)
    const held = heldLeader(groups, leader!)
    const registered = a!.register()
    const consent = a!.consent(accountIdOf(registered))
    const after = b!.register()
    const answers = [
      groups.push(a!.ws, a!.request([registered, consent]), plain),
      groups.push(b!.ws, b!.request([after]), plain),
    ]
    held.release()
    await held.answer
    const [mine, theirs] = await Promise.all(answers)
    expect(mine!.outcomes.map((o) => o.status)).toEqual(['applied', 'applied'])
    expect(theirs!.outcomes.map((o) => o.status)).toEqual(['applied'])
    const versions = [...mine!.outcomes, ...theirs!.outcomes].map(
      (o) => (o as { version: number }).version,
    )
    expect([...versions].sort((x, y) => x - y)).toEqual(versions)
    const consents = await queryRows<{ n: number }>(
      database.db,
      sql`SELECT count(*) AS n FROM consents WHERE account_id = ${accountIdOf(registered)}`,
    )
    expect(Number(consents[0]!.n)).toBe(1)
    expect(await transactionsOf([registered, consent, after])).toBe(1)
  })
})
