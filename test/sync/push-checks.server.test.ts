import { randomBytes } from 'node:crypto'
import { sql } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { registerAccountSchema } from '../../src-shared/accounts/schemas'
import { formatRub } from '../../src-shared/money/format'
import { syncMessages } from '../../src-shared/sync/messages'
import { serverRoutes } from '../../src-shared/sync/routes'
import { type CommandOutcome, type PushedCommand } from '../../src-shared/sync/protocol'
import { hashPassword } from '../../src-node/operators/password'
import { SyncServerClient } from '../../src-main/sync/server-client'
import { queryRow } from '../../src-server/db/query'
import { accountInput } from '../support/temp-app'
import {
  createBranchAdmin,
  newWorkstation,
  openShiftOnServer,
  operatorIdOf,
  PushingDevice,
  seedAccountWithDebt,
  seedBranch,
  type SeededBranch,
  useSyncServer,
  pushedAt as at,
  workstationHeaders,
  workstationVersions as versions,
} from '../support/server'

// Each attack a stolen workstation secret allows, pushed as that workstation would push it, to the
// real server: refused for good with its reason, and nothing of it stored but the record.
const { database, server } = useSyncServer()

/** A workstation's push as raw as an attacker's: its own device, sequence and session token. */
class Desk extends PushingDevice {
  private token: string | null = null
  readonly client: SyncServerClient

  constructor(readonly credentials: { workstationId: string; secret: string }) {
    super()
    this.client = new SyncServerClient({ serverUrl: server.url, ...credentials }, versions, {
      token: () => this.token,
      ended: () => {
        this.token = null
      },
    })
  }

  /** Logs an operator in on the server: the push carries their session token from then on. */
  async login(login: string, password: string) {
    const answer = await this.client.checkOperator(login, password)
    if (!answer || !answer.token) throw new Error(`login ${login} refused`)
    this.token = answer.token
  }

  async push(commands: PushedCommand[]): Promise<CommandOutcome[]> {
    const answer = await this.client.push(this.device, commands)
    expect(answer.stopped).toBeNull()
    return answer.outcomes
  }

  async one(name: string, args: unknown, operatorId: string | null): Promise<CommandOutcome> {
    return (await this.push([this.command(name, args, operatorId)]))[0]!
  }
}

const refused = (reason: string) => ({ status: 'rejected', reason })

interface Side {
  branch: SeededBranch
  desk: Desk
  accountId: string
  admin: { id: string; login: string; password: string }
  ids: { clerk: string; cashier: string; super: string }
  shiftId: string
}

async function side(number: string): Promise<Side> {
  const branch = await seedBranch(database.db)
  const admin = await createBranchAdmin(database.db, branch)
  const desk = new Desk(await newWorkstation(database.db, branch.officeId))
  const ids = {
    clerk: await operatorIdOf(database.db, branch.login('clerk')),
    cashier: await operatorIdOf(database.db, branch.login('cashier')),
    super: await operatorIdOf(database.db, branch.login('super')),
  }
  return {
    branch,
    desk,
    accountId: await seedAccountWithDebt(database.db, branch, number),
    admin: { ...admin, id: await operatorIdOf(database.db, admin.login) },
    ids,
    shiftId: await openShiftOnServer(desk.client, ids.cashier),
  }
}

let a: Side
let b: Side
beforeAll(async () => {
  a = await side('7740000001')
  b = await side('7740000002')
})

function payment(s: Side, overrides: Record<string, unknown> = {}, amount = 50_000) {
  const key = randomBytes(6).toString('hex')
  return {
    accountId: s.accountId,
    lines: [{ id: `line-${key}`, supplierId: s.branch.supplierId, service: 'electricity', amount }],
    method: 'card',
    cardReference: 'RRN1',
    paymentId: `pay-${key}`,
    receiptNumber: `R-${key}`,
    paidAt: at,
    shiftId: s.shiftId,
    officeId: s.branch.officeId,
    ...overrides,
  }
}

const serverHas = async (table: string, id: string) =>
  !!(await queryRow(database.db, sql`SELECT 1 FROM ${sql.identifier(table)} WHERE id = ${id}`))

const operatorRecord = (overrides: Record<string, unknown>) => ({
  operatorId: `op-${randomBytes(6).toString('hex')}`,
  login: `forged-${randomBytes(4).toString('hex')}`,
  fullName: 'Подложный Администратор',
  role: 'admin',
  officeId: null,
  active: true,
  created: true,
  passwordHash: hashPassword('forged-pass'),
  ...overrides,
})

describe('the server vouches for every pushed command', () => {
  it("refuses an admin forged from another branch's: no global admin appears", async () => {
    const forged = operatorRecord({})
    // Named as the other branch's admin, from this branch's workstation.
    expect(await a.desk.one('operator.save', forged, b.admin.id)).toEqual(
      expect.objectContaining(refused(syncMessages.operatorOtherBranch)),
    )
    // Named as this branch's own admin, but without their live login on the server.
    expect(await a.desk.one('operator.save', forged, a.admin.id)).toEqual(
      expect.objectContaining(refused(syncMessages.adminSessionNeeded)),
    )
    expect(await serverHas('operators', forged.operatorId as string)).toBe(false)
  })

  it("refuses a branch admin rewriting another branch's supervisor, or granting a global admin", async () => {
    await a.desk.login(a.admin.login, a.admin.password)
    const before = await queryRow(
      database.db,
      sql`SELECT role, password_hash, office_id FROM operators WHERE id = ${b.ids.super}`,
    )
    const rewrite = operatorRecord({
      operatorId: b.ids.super,
      login: b.branch.login('super'),
      officeId: a.branch.officeId,
      created: false,
    })
    expect(await a.desk.one('operator.save', rewrite, a.admin.id)).toEqual(
      expect.objectContaining(refused(syncMessages.adminScope)),
    )
    const global = operatorRecord({})
    expect(await a.desk.one('operator.save', global, a.admin.id)).toEqual(
      expect.objectContaining(refused(syncMessages.adminScope)),
    )
    expect(
      await queryRow(
        database.db,
        sql`SELECT role, password_hash, office_id FROM operators WHERE id = ${b.ids.super}`,
      ),
    ).toEqual(before)
    expect(await serverHas('operators', global.operatorId as string)).toBe(false)
    // Within their scope, with their session, the same admin is obeyed.
    const clerk = operatorRecord({ role: 'clerk', officeId: a.branch.officeId })
    expect(await a.desk.one('operator.save', clerk, a.admin.id)).toMatchObject({
      status: 'applied',
    })
    // Global rows are a central admin's.
    expect(
      await a.desk.one(
        'setting.set',
        { key: 'debtAlertThreshold', value: 1, validFrom: '2031-01-01' },
        a.admin.id,
      ),
    ).toEqual(expect.objectContaining(refused(syncMessages.adminScope)))
  })

  it('refuses a cancellation confirmed by a clerk or by another branch’s supervisor', async () => {
    const paid = payment(a)
    expect(await a.desk.one('payment.record', paid, a.ids.cashier)).toMatchObject({
      status: 'applied',
    })
    const cancel = (supervisorId: string) => ({
      paymentId: paid.paymentId,
      reason: 'Ошибка суммы',
      supervisorId,
      cancellationId: `x-${randomBytes(6).toString('hex')}`,
      receiptNumber: `RX-${randomBytes(6).toString('hex')}`,
      cancelledAt: at,
      shiftId: a.shiftId,
    })
    const [byClerk, byOther, byNobody] = await a.desk.push([
      a.desk.command('payment.cancel', cancel(a.ids.clerk), a.ids.cashier),
      a.desk.command('payment.cancel', cancel(b.ids.super), a.ids.cashier),
      a.desk.command('payment.cancel', cancel('op-nobody'), a.ids.cashier),
    ])
    expect(byClerk).toEqual(
      expect.objectContaining(refused(syncMessages.supervisorRoleNeeded('clerk'))),
    )
    expect(byOther).toEqual(expect.objectContaining(refused(syncMessages.supervisorUnknown)))
    expect(byNobody).toEqual(expect.objectContaining(refused(syncMessages.supervisorUnknown)))
    expect(
      await queryRow(
        database.db,
        sql`SELECT 1 FROM payment_cancellations WHERE payment_id = ${paid.paymentId}`,
      ),
    ).toBeUndefined()
    // The real supervisor's cancellation is taken.
    expect(await a.desk.one('payment.cancel', cancel(a.ids.super), a.ids.cashier)).toMatchObject({
      status: 'applied',
    })
  })

  it('refuses a payment of 50 million roubles, over the limit the desk has', async () => {
    const huge = payment(a, {}, 5_000_000_000)
    expect(await a.desk.one('payment.record', huge, a.ids.cashier)).toEqual(
      expect.objectContaining(
        refused(syncMessages.paymentOverLimit(formatRub(5_000_000_000), formatRub(10_000_000))),
      ),
    )
    expect(await serverHas('payments', huge.paymentId)).toBe(false)
  })

  it('refuses a payment of 90 billion roubles as no amount at all, naming the field', async () => {
    const huge = payment(a, {}, 9_000_000_000_000)
    const outcome = (await a.desk.one('payment.record', huge, a.ids.cashier)) as {
      status: string
      reason: string
    }
    expect(outcome.status).toBe('rejected')
    expect(outcome.reason).toContain('Сумма по услуге: не больше 100 000 000 руб.')
    expect(await serverHas('payments', huge.paymentId)).toBe(false)
  })

  it('refuses an unknown operator, a clerk taking money, and another branch’s office, shift and account', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [payment(a), 'op-nobody', syncMessages.operatorUnknown],
      [payment(a), a.ids.clerk, syncMessages.roleNotAllowed('clerk')],
      [payment(a), b.ids.cashier, syncMessages.operatorOtherBranch],
      [payment(a, { officeId: b.branch.officeId }), a.ids.cashier, syncMessages.officeNotFound],
      [payment(a, { shiftId: b.shiftId }), a.ids.cashier, syncMessages.shiftNotOfWorkstation],
      [payment(a, { shiftId: 'shift-unknown' }), a.ids.cashier, syncMessages.shiftNotOfWorkstation],
      [payment(a, { accountId: b.accountId }), a.ids.cashier, syncMessages.accountNotFound],
    ]
    const outcomes = await a.desk.push(
      cases.map(([args, operatorId]) => a.desk.command('payment.record', args, operatorId)),
    )
    expect(outcomes.map((o) => (o as { reason?: string }).reason)).toEqual(cases.map((c) => c[2]))
    for (const [args] of cases)
      expect(await serverHas('payments', args.paymentId as string)).toBe(false)
    // A shift of another workstation is not this one's to close either.
    expect(
      await a.desk.one(
        'shift.close',
        { countedCash: 0, shiftId: b.shiftId, closedAt: at, totals: {} },
        a.ids.cashier,
      ),
    ).toEqual(expect.objectContaining(refused(syncMessages.shiftNotOfWorkstation)))
  })

  it('refuses a payload key the contract does not know', async () => {
    const outcome = await a.desk.one(
      'payment.record',
      payment(a, { branchId: b.branch.branchId }),
      a.ids.cashier,
    )
    expect(outcome).toEqual(expect.objectContaining(refused(syncMessages.unknownField('branchId'))))
  })

  it("rejects another workstation's command id as such, never answering with its result", async () => {
    const taken = a.desk.command('payment.record', payment(a), a.ids.cashier)
    expect((await a.desk.push([taken]))[0]).toMatchObject({ status: 'applied' })
    const replay = { ...b.desk.command('payment.record', payment(b), b.ids.cashier), id: taken.id }
    const after = b.desk.command('payment.record', payment(b), b.ids.cashier)
    const [replayed, next] = await b.desk.push([replay, after])
    expect(replayed).toEqual({
      id: taken.id,
      status: 'rejected',
      reason: syncMessages.foreignCommandId,
    })
    // The queue behind it goes on.
    expect(next).toMatchObject({ status: 'applied' })
    // Alone in its push, the same answer.
    const again = { ...b.desk.command('payment.record', payment(b), b.ids.cashier), id: taken.id }
    expect(await b.desk.push([again])).toEqual([
      { id: taken.id, status: 'rejected', reason: syncMessages.foreignCommandId },
    ])
    expect(
      await queryRow(
        database.db,
        sql`SELECT workstation_id AS ws FROM applied_commands WHERE command_id = ${taken.id}`,
      ),
    ).toEqual({ ws: a.desk.credentials.workstationId })
  })

  it('rejects a text with U+0000 in the middle of a queue of 200; the other 199 are applied', async () => {
    const input = registerAccountSchema.parse(
      accountInput({
        officeId: a.branch.officeId,
        services: [{ service: 'electricity', supplierId: a.branch.supplierId }],
      }),
    )
    const tag = randomBytes(3).toString('hex')
    const commands = Array.from({ length: 200 }, (_, i) => {
      const number = `77${tag}${String(i).padStart(3, '0')}`.replace(/[a-f]/g, '1')
      const holder = {
        ...input.holder,
        lastName: i === 99 ? 'Смир\u0000нов' : input.holder.lastName,
      }
      return a.desk.command(
        'account.register',
        { ...input, holder, number, accountId: `acc-${tag}-${i}`, customerId: `cust-${tag}-${i}` },
        a.ids.clerk,
      )
    })
    const outcomes = await a.desk.push(commands)
    expect(outcomes.filter((o) => o.status === 'applied')).toHaveLength(199)
    expect(outcomes[99]).toEqual({
      id: commands[99]!.id,
      status: 'rejected',
      reason: syncMessages.unstorableText('holder.lastName'),
    })
    const stored = await queryRow<{ n: number }>(
      database.db,
      sql`SELECT count(*) AS n FROM accounts WHERE id LIKE ${`acc-${tag}-%`}`,
    )
    expect(Number(stored!.n)).toBe(199)
    // The rejection is on record, with the text as it came (escaped), for the supervisor.
    const record = await queryRow<{ status: string; args: unknown }>(
      database.db,
      sql`SELECT status, args FROM applied_commands WHERE command_id = ${commands[99]!.id}`,
    )
    expect(record!.status).toBe('rejected')
    expect(String(record!.args)).toContain('\\u0000')
  })

  it('rejects bad UTF-8 and an oversized command for good; the commands behind them apply', async () => {
    const input = registerAccountSchema.parse(
      accountInput({
        officeId: a.branch.officeId,
        services: [{ service: 'electricity', supplierId: a.branch.supplierId }],
      }),
    )
    const tag = String(Date.now()).slice(-7)
    const register = (i: number, notes: string) =>
      a.desk.command(
        'account.register',
        {
          ...input,
          notes,
          number: `79${tag}${i}`,
          accountId: `acc-u${tag}-${i}`,
          customerId: `cust-u${tag}-${i}`,
        },
        a.ids.clerk,
      )
    const commands = [register(1, 'BAD'), register(2, 'x'.repeat(300_000)), register(3, 'ok')]
    // The first command's note as raw bytes no UTF-8 decoder accepts (0xFF).
    const json = Buffer.from(
      JSON.stringify({ versions, deviceId: a.desk.device, commands }),
      'utf8',
    )
    const at = json.indexOf('BAD')
    json[at] = 0xff
    const response = await fetch(new URL(serverRoutes.push, server.url), {
      method: 'POST',
      headers: workstationHeaders(a.desk.credentials),
      body: json,
    })
    expect(response.status).toBe(200)
    const answer = (await response.json()) as { outcomes: CommandOutcome[]; stopped: null }
    expect(answer.stopped).toBeNull()
    expect(answer.outcomes).toEqual([
      { id: commands[0]!.id, status: 'rejected', reason: syncMessages.unstorableText('notes') },
      {
        id: commands[1]!.id,
        status: 'rejected',
        reason: syncMessages.tooLarge(Math.ceil(JSON.stringify(commands[1]!.args).length / 1024)),
      },
      expect.objectContaining({ id: commands[2]!.id, status: 'applied' }),
    ])
  })

  it('takes what an operator did before their deactivation, and nothing after', async () => {
    await a.desk.login(a.admin.login, a.admin.password)
    const cashier = operatorRecord({ role: 'cashier', officeId: a.branch.officeId })
    expect(await a.desk.one('operator.save', cashier, a.admin.id)).toMatchObject({
      status: 'applied',
    })
    const id = cashier.operatorId as string
    // Deactivated at `at`: a payment made an hour before still counts; one an hour after does not.
    expect(
      await a.desk.one(
        'operator.save',
        { ...cashier, created: false, active: false, passwordHash: null },
        a.admin.id,
      ),
    ).toMatchObject({ status: 'applied' })
    const earlier = {
      ...a.desk.command('payment.record', payment(a), id),
      at: '2026-11-20T09:00:00.000Z',
    }
    const later = {
      ...a.desk.command('payment.record', payment(a), id),
      at: '2026-11-20T11:00:00.000Z',
    }
    const [before, after] = await a.desk.push([earlier, later])
    expect(before).toMatchObject({ status: 'applied' })
    expect(after).toEqual(expect.objectContaining(refused(syncMessages.operatorInactive(later.at))))
  })
})
