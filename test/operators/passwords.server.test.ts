import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { officeDate } from '../../src-shared/dates'
import { newPasswordProblem } from '../../src-shared/operators/password-rules'
import { SYNC_PROTOCOL_VERSION } from '../../src-shared/sync/protocol'
import {
  hashPassword,
  needsRehash,
  passwordCost,
  setPasswordCostForTests,
  verifyPassword,
} from '../../src-node/operators/password'
import { SyncServerClient } from '../../src-main/sync/server-client'
import { queryRow } from '../../src-server/db/query'
import { headlessClient } from '../sync/support/client'
import {
  createCentralAdmin,
  newWorkstation,
  seedBranch,
  type SeededBranch,
  useSyncServer,
} from '../support/server'

const { database, server } = useSyncServer()
let branch: SeededBranch
const versions = { protocol: SYNC_PROTOCOL_VERSION, schema: 0, app: '0.1.0' }
const cheap = { N: 1024, r: 8, p: 1 }
beforeAll(async () => {
  branch = await seedBranch(database.db)
})

describe('password hashes', () => {
  // This file alone pays for the production cost (the suite's setup makes it cheap).
  beforeAll(() => setPasswordCostForTests(passwordCost))
  afterAll(() => setPasswordCostForTests(cheap))

  it("are made at OWASP's scrypt cost and carry it, so an older hash still verifies", () => {
    expect(passwordCost).toEqual({ N: 131_072, r: 8, p: 1 })
    const stored = hashPassword('верный-пароль')
    expect(stored).toMatch(/^scrypt\$131072\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/u)
    expect(verifyPassword('верный-пароль', stored)).toBe(true)
    expect(verifyPassword('неверный-пароль', stored)).toBe(false)
    expect(needsRehash(stored)).toBe(false)
    // What an install made before today's cost keeps in its operators table.
    const older = stored.replace('$131072$', '$16384$')
    expect(needsRehash(older)).toBe(true)
    // A stored hash asking for far more memory than today's cost is refused, never computed.
    expect(verifyPassword('x', 'scrypt$4194304$8$1$c2FsdA==$aGFzaA==')).toBe(false)
  })

  it('an older hash is rehashed at the next login against the server, once', async () => {
    setPasswordCostForTests({ N: 16_384, r: 8, p: 1 })
    const old = hashPassword('старый-пароль-1')
    setPasswordCostForTests(passwordCost)
    const login = branch.login('clerk')
    await database.db.execute(
      sql`UPDATE operators SET password_hash = ${old} WHERE login = ${login}`,
    )
    const before = await queryRow<{ v: number }>(
      database.db,
      sql`SELECT sync_version AS v FROM operators WHERE login = ${login}`,
    )
    const ws = await newWorkstation(database.db, branch.officeId)
    const client = new SyncServerClient({ serverUrl: server.url, ...ws }, versions)
    expect(await client.checkOperator(login, 'не-тот-пароль')).toBe(false)
    const stored = async () =>
      (await queryRow<{ hash: string; v: number }>(
        database.db,
        sql`SELECT password_hash AS hash, sync_version AS v FROM operators WHERE login = ${login}`,
      ))!
    expect((await stored()).hash).toBe(old)

    expect(await client.checkOperator(login, 'старый-пароль-1')).toMatchObject({
      token: expect.any(String),
    })
    const rehashed = await stored()
    expect(rehashed.hash).toMatch(/^scrypt\$131072\$8\$1\$/u)
    expect(verifyPassword('старый-пароль-1', rehashed.hash)).toBe(true)
    // A synced change: workstations pull the new hash.
    expect(rehashed.v).toBeGreaterThan(before!.v)

    expect(await client.checkOperator(login, 'старый-пароль-1')).toMatchObject({
      token: expect.any(String),
    })
    expect((await stored()).hash).toBe(rehashed.hash)
  })
})

describe('the shortest password', () => {
  it.each([
    ['', 10, 'не короче 10 символов'],
    ['123456789', 10, 'не короче 10 символов'],
    ['1234567890', 10, null],
    ['ёёёёёёёёёё', 10, null],
    ['e\u0308'.repeat(10), 10, null],
    ['1234567890', 12, 'не короче 12 символов'],
  ])('%j at %i: %s', (password, min, problem) => {
    expect(newPasswordProblem(password, min)).toBe(problem)
  })

  it('is a dated setting an admin saving an operator is held to', async () => {
    // Settings are global rows: only a central admin changes them.
    const admin = await createCentralAdmin(database.db)
    const desk = headlessClient(server.url, await newWorkstation(database.db, branch.officeId))
    try {
      await desk.sync()
      await desk.login(admin.login, admin.password)
      const save = (login: string, password: string) =>
        desk.call('settings.saveOperator', {
          login: branch.login(login),
          fullName: 'Новикова Алла Павловна',
          role: 'clerk',
          officeId: branch.officeId,
          password,
        })
      await expect(save('short', '123456789')).rejects.toThrow('Пароль: не короче 10 символов.')
      await save('ten', '1234567890')
      // The admin sets it on the settings screen, from today.
      await desk.call('settings.setSetting', {
        key: 'passwordMinLength',
        value: 12,
        validFrom: officeDate(new Date(), 'Europe/Moscow'),
      })
      await desk.sync()
      // The server holds it too: create-operator reads it there.
      const onServer = await queryRow<{ value: string }>(
        database.db,
        sql`SELECT value FROM settings WHERE key = 'passwordMinLength'`,
      )
      expect(onServer?.value).toBe('12')
      await expect(save('twelve', '12345678901')).rejects.toThrow('Пароль: не короче 12 символов.')
      await save('twelve', '123456789012')
    } finally {
      desk.cleanup()
      await database.db.execute(sql`DELETE FROM settings WHERE key = 'passwordMinLength'`)
    }
  })
})
