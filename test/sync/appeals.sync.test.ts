import { createHash, randomBytes } from 'node:crypto'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { insertGlobal } from '../../src-server/admin/reference'
import { queryRows } from '../../src-server/db/query'
import type { AppealRow } from '../../src-shared/appeals/contract'
import type { AttachmentRef } from '../../src-shared/appeals/schemas'
import type { ServiceRequestRow } from '../../src-shared/service-requests/contract'
import { testOperators } from '../support/temp-app'
import {
  createCentralAdmin,
  newWorkstation,
  seedAccountWithDebt,
  seedBranch,
  type SeededBranch,
  useSyncServer,
} from '../support/server'
import type { HeadlessClient } from './support/client'
import { FaultProxy } from './support/fault-proxy'

const { database, server, workstation: emptyDesk, desk } = useSyncServer()
const [clerk] = testOperators
let proxy: FaultProxy
let numbers = 7_730_000_000

beforeAll(async () => {
  proxy = await new FaultProxy(server.url).start()
})
afterAll(async () => {
  await proxy.close()
})

const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`)
const png = (size: number) => {
  const bytes = randomBytes(size)
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(bytes)
  return bytes
}
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex')

let pricesSeeded = false
async function branchWithAccount(): Promise<{ branch: SeededBranch; accountId: string }> {
  const branch = await seedBranch(database.db)
  if (!pricesSeeded) {
    pricesSeeded = true
    await insertGlobal(database.db, 'price_list', [
      {
        id: 'price-sealing',
        kind: 'sealing',
        validFrom: '2020-01-01',
        price: 150_000,
        supplierId: branch.supplierId,
      },
      {
        id: 'price-control',
        kind: 'control_reading',
        validFrom: '2020-01-01',
        price: 0,
        supplierId: branch.supplierId,
      },
    ])
  }
  const accountId = await seedAccountWithDebt(database.db, branch, String((numbers += 1)))
  return { branch, accountId }
}

const workstation = (branch: SeededBranch, url?: string) => desk(branch, clerk, url)

const attach = (c: HeadlessClient, name: string, bytes: Buffer) =>
  c.call<AttachmentRef>('appeals.attach', { name, content: bytes.toString('base64') })

describe('service requests and appeals across workstations', () => {
  it('a paid request and an appeal with two files reach a second workstation of the branch', async () => {
    const { branch, accountId } = await branchWithAccount()
    const a = await workstation(branch)
    const b = await workstation(branch)

    const prices = await a.call<{ kind: string; price: number }[]>('serviceRequests.prices', {})
    expect(prices.find((p) => p.kind === 'sealing')?.price).toBe(150_000)
    const request = await a.call<{ number: string; price: number }>('serviceRequests.register', {
      accountId,
      kind: 'sealing',
      contactPhone: '8 (910) 123-45-67',
      preferredDates: 'после 15-го',
    })
    expect(request.price).toBe(150_000)

    // A PNG named .pdf is fine: the content decides.
    const scan = png(2_000)
    const letter = pdf('заявление')
    const files = [await attach(a, 'скан.pdf', scan), await attach(a, 'заявление.pdf', letter)]
    expect(files.map((f) => f.kind)).toEqual(['png', 'pdf'])
    const appeal = await a.call<{ number: string; dueOn: string; registeredOn: string }>(
      'appeals.register',
      {
        accountId,
        topic: 'billing',
        text: 'Прошу пересчитать начисление за август.',
        replyChannel: 'email',
        replyAddress: 'ivanov@example.ru',
        attachments: files,
      },
    )
    await a.sync()
    expect(a.outbox().every((o) => o.status === 'done')).toBe(true)

    await b.sync()
    const requests = await b.call<ServiceRequestRow[]>('serviceRequests.list', { accountId })
    expect(requests.map((r) => [r.number, r.kind, r.price, r.status])).toEqual([
      [request.number, 'sealing', 150_000, 'new'],
    ])
    const appeals = await b.call<AppealRow[]>('appeals.list', { accountId })
    expect(appeals).toHaveLength(1)
    expect(appeals[0]).toMatchObject({ number: appeal.number, dueOn: appeal.dueOn })
    expect(appeals[0]!.attachments.map((f) => f.name).sort()).toEqual(
      ['заявление.pdf', 'скан.pdf'].sort(),
    )
    // B has not got the bytes: opening the file fetches it from the server, whole.
    const opened = await b.call<{ content: string; kind: string }>('appeals.openAttachment', {
      sha256: sha(scan),
    })
    expect(opened.kind).toBe('png')
    expect(sha(Buffer.from(opened.content, 'base64'))).toBe(sha(scan))
  })

  it('refuses files by content and by size, and a sixth file', async () => {
    const { branch, accountId } = await branchWithAccount()
    const a = await workstation(branch)
    const exe = Buffer.concat([Buffer.from('MZ'), randomBytes(500)])
    await expect(attach(a, 'договор.pdf', exe)).rejects.toThrow(
      /«договор\.pdf».*не PDF, JPG, PNG или TIF/,
    )
    const big = png(Math.round(4.1 * 1024 * 1024))
    await expect(attach(a, 'фото.png', big)).rejects.toThrow(/«фото\.png»: больше 4 МБ/)
    const six = []
    for (let i = 0; i < 6; i++) six.push(await attach(a, `лист-${i}.pdf`, pdf(`лист ${i}`)))
    await expect(
      a.call('appeals.register', {
        accountId,
        topic: 'other',
        text: 'Шесть листов',
        replyChannel: 'letter',
        replyAddress: 'г. Конаково, ул. Ленина, д. 5',
        attachments: six,
      }),
    ).rejects.toThrow(/Вложения: не больше 5 файлов/)
  })

  it('the server takes no half file and no file of another hash', async () => {
    const { branch } = await branchWithAccount()
    const ws = await newWorkstation(database.db, branch.officeId)
    const bytes = png(10_000)
    const put = (name: string, body: Buffer) =>
      fetch(`${server.url}/sync/attachments/${name}`, {
        method: 'PUT',
        headers: {
          'content-type': 'application/octet-stream',
          'x-workstation-id': ws.workstationId,
          'x-workstation-secret': ws.secret,
        },
        body,
      })
    expect((await put(sha(bytes), bytes.subarray(0, 5_000))).status).toBe(400)
    const exe = Buffer.concat([Buffer.from('MZ'), randomBytes(100)])
    expect((await put(sha(exe), exe)).status).toBe(400)
    const tooBig = png(4 * 1024 * 1024 + 1)
    expect((await put(sha(tooBig), tooBig)).status).toBe(413)
    const held = await queryRows(
      database.db,
      sql`SELECT 1 FROM attachment_files WHERE sha256 IN (${sha(bytes)}, ${sha(exe)}, ${sha(tooBig)})`,
    )
    expect(held).toHaveLength(0)
    expect((await put(sha(bytes), bytes)).status).toBe(200)
  })

  it('fault: the connection dropped mid 4 MB upload, restored: the appeal and its file arrive once, whole', async () => {
    const { branch, accountId } = await branchWithAccount()
    const a = await workstation(branch, proxy.url)
    const file = png(4 * 1024 * 1024)
    const ref = await attach(a, 'схема.tif.png', file)
    await a.call('appeals.register', {
      accountId,
      topic: 'meter',
      text: 'Схема подключения во вложении.',
      replyChannel: 'phone',
      replyAddress: '+7 910 123-45-67',
      attachments: [ref],
    })
    proxy.next({ cutAfterBytes: 2 * 1024 * 1024 })
    await expect(a.sync()).rejects.toThrow()
    const none = await queryRows(
      database.db,
      sql`SELECT 1 FROM attachment_files WHERE sha256 = ${ref.sha256}`,
    )
    expect(none).toHaveLength(0)
    const noAppeal = await queryRows(
      database.db,
      sql`SELECT 1 FROM appeals WHERE account_id = ${accountId}`,
    )
    expect(noAppeal).toHaveLength(0)

    await a.sync()
    await a.sync()
    const stored = await queryRows<{ content: Uint8Array; size: number }>(
      database.db,
      sql`SELECT content, size FROM attachment_files WHERE sha256 = ${ref.sha256}`,
    )
    expect(stored).toHaveLength(1)
    expect(Number(stored[0]!.size)).toBe(file.length)
    expect(sha(Buffer.from(stored[0]!.content))).toBe(sha(file))
    const appeals = await queryRows<{ n: number }>(
      database.db,
      sql`SELECT count(*)::int AS n FROM appeals WHERE account_id = ${accountId}`,
    )
    expect(appeals[0]!.n).toBe(1)
    const files = await queryRows<{ n: number }>(
      database.db,
      sql`SELECT count(*)::int AS n FROM appeal_attachments a JOIN appeals p ON p.id = a.appeal_id
           WHERE p.account_id = ${accountId}`,
    )
    expect(files[0]!.n).toBe(1)
    expect(
      a
        .outbox()
        .filter((o) => o.name === 'appeal.register')
        .map((o) => o.status),
    ).toEqual(['done'])
  })
})

describe('the price list and numbers on the server', () => {
  it("a central admin's price reaches every branch; a clerk may not set one", async () => {
    const { branch } = await branchWithAccount()
    const admin = await createCentralAdmin(database.db)
    const desk = await workstation(branch)
    const adminDesk = await emptyDesk(branch)
    await adminDesk.sync()
    await adminDesk.login(admin.login, admin.password)
    const validFrom = new Date().toISOString().slice(0, 10)
    await adminDesk.call('priceList.set', {
      kind: 'technical_check',
      validFrom: '2099-01-01',
      price: 99_900,
      supplierId: branch.supplierId,
    })
    await adminDesk.sync()
    expect(adminDesk.outbox().filter((o) => o.name === 'priceList.set')).toEqual([
      { status: 'done', name: 'priceList.set', rejectReason: null },
    ])
    const held = await queryRows<{ branchId: string | null; price: number }>(
      database.db,
      sql`SELECT branch_id AS "branchId", price FROM price_list WHERE kind = 'technical_check'`,
    )
    expect(held.map((h) => [h.branchId, Number(h.price)])).toEqual([[null, 99_900]])
    await desk.sync()
    const rows = desk.app.services.db.$client
      .prepare("SELECT price FROM price_list WHERE kind = 'technical_check'")
      .pluck()
      .all()
    expect(rows).toEqual([99_900])
    await expect(
      desk.call('priceList.set', {
        kind: 'sealing',
        validFrom,
        price: 1,
        supplierId: branch.supplierId,
      }),
    ).rejects.toThrow(/^priceList\.set: /)
  })

  it('a request numbered in another workstation series is rejected for good', async () => {
    const { branch, accountId } = await branchWithAccount()
    const a = await workstation(branch)
    await a.call('serviceRequests.register', {
      accountId,
      kind: 'control_reading',
      contactPhone: '89101234567',
    })
    a.app.services.db.$client
      .prepare(
        `UPDATE outbox SET args = json_set(args, '$.number', 'З-ZZ-1')
          WHERE name = 'serviceRequest.register'`,
      )
      .run()
    await a.sync()
    expect(a.outbox().filter((o) => o.name === 'serviceRequest.register')).toEqual([
      {
        status: 'rejected',
        name: 'serviceRequest.register',
        rejectReason: 'Номер З-ZZ-1: не из серии этого рабочего места.',
      },
    ])
  })
})
