import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { channelNames, contract, type ChannelName } from '../../src-shared/api/contract'
import { fieldNameAt, validate } from '../../src-shared/api/validation'
import * as t from '../../src-main/db/schema'
import { hashPassword } from '../../src-node/operators/password'
import { startWebHost } from '../../src-main/webhost/server'
import { inputWith, leavesOf, type Leaf } from '../support/schema-leaves'
import { ids, tempApp, type TempApp } from '../support/temp-app'

/*
 * Bad input over every channel of the contract (enumerated from it: a new channel is covered
 * without editing this file), through the one dispatch with a real replica file. Every refusal
 * must be a Russian sentence naming the field, never `internal`, and leave every table as it was.
 */

/** The same bad values for every field; each is sent where the field's own schema refuses it. */
const badValues: unknown[] = [
  undefined,
  null,
  true,
  0,
  -1,
  1.5,
  9e15,
  -9e15,
  1e300,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  '',
  '   ',
  'x'.repeat(5000),
  'Иван\u0000ов',
  'Иванов\u202Eвонави',
  '\u200B\uFEFF',
  '\uFEFF',
  'a\uD800',
  '2026-02-30',
  '0000-00-00',
  '9999-12-31',
  '2026-13',
  '__proto__',
  'нет такого',
  {},
  { __proto__: null, toString: 'x' },
  [],
  [null],
  ['x'.repeat(300)],
]

// zod's own wording, English or half-Russian, that must never reach a clerk.
const zodWording =
  /\b(expected|received|invalid|string|number|boolean|object|array|undefined|null|NaN|Infinity|bigint|input|option)\b|ожидалось|получено (string|number|null|undefined|object|array|boolean)|Неверный ввод/i

const admin = { id: 'op-admin', login: 'admin', password: 'admin-pass', role: 'admin' } as const

let t0: TempApp
const counts = {
  channels: 0,
  inputs: 0,
  refusals: new Map<string, number>(),
  unnamed: 0,
  english: 0,
}
const problems: string[] = []

beforeAll(async () => {
  t0 = tempApp()
  t0.app.services.db
    .insert(t.operators)
    .values({
      id: admin.id,
      login: admin.login,
      fullName: 'Админ Админ',
      role: admin.role,
      officeId: ids.office,
      passwordHash: hashPassword(admin.password),
      createdAt: '2026-01-01T00:00:00.000Z',
    })
    .run()
  const login = await t0.app.dispatch('session.login', admin, client)
  expect(login.ok).toBe(true)
})

afterAll(() => {
  const refusals = Object.fromEntries([...counts.refusals].sort())
  console.log(
    `fuzz: ${counts.channels} channels, ${counts.inputs} inputs, refusals by kind ${JSON.stringify(refusals)}, ` +
      `unnamed ${counts.unnamed}, zod wording ${counts.english}`,
  )
  t0.cleanup()
})

const client = 'web:fuzz-admin-1'

function changes(): number {
  return t0.app.services.db.$client.prepare('SELECT total_changes()').pluck().get() as number
}

/** Sends one input expected to be refused at `path` and checks the answer. */
async function refused(channel: ChannelName, path: (string | number)[] | null, input: unknown) {
  const schema = contract[channel].input
  const before = changes()
  const result = await t0.app.dispatch(channel, input, client)
  const after = changes()
  counts.inputs++
  const where = `${channel} ${JSON.stringify(input)?.slice(0, 120)}`
  if (result.ok) {
    problems.push(`${where}: accepted`)
    return
  }
  const { code, message, fields = {} } = result.error
  counts.refusals.set(code, (counts.refusals.get(code) ?? 0) + 1)
  if (code === 'internal') problems.push(`${where}: internal`)
  if (after !== before) problems.push(`${where}: ${after - before} rows changed`)
  if (!/[а-яё]/i.test(message)) problems.push(`${where}: not Russian: ${message}`)
  for (const [key, text] of [['', message], ...Object.entries(fields)] as const) {
    if (zodWording.test(text)) {
      counts.english++
      problems.push(`${where}: zod wording in ${key}: ${text}`)
    }
  }
  for (const [key, text] of Object.entries(fields)) {
    if (key === '') continue
    const name = fieldNameAt(schema, key.split('.'))
    const named =
      name !== null &&
      ('notFound' in name ? text === name.notFound : text.startsWith(`${name.label}: `))
    if (!named) {
      counts.unnamed++
      problems.push(`${where}: ${key} not named: ${text}`)
    }
  }
  const at = path?.join('.')
  if (at !== undefined && !Object.keys(fields).some((k) => k === at || k.startsWith(`${at}.`)))
    problems.push(`${where}: no message for ${at}: ${message}`)
}

/** The values of the table and a fast-check sample the field at `leaf` refuses on its own. */
function badFor(leaf: Leaf): unknown[] {
  const sample = fc.sample(fc.oneof(fc.jsonValue(), fc.string({ unit: 'binary' })), {
    numRuns: 12,
    seed: leaf.path.join('.').length,
  })
  return [...badValues, ...sample].filter(
    (value) => !(value === undefined && leaf.mayBeMissing) && !validate(leaf.schema, value).ok,
  )
}

describe('bad input on every channel', () => {
  it('is refused with a Russian sentence naming the field, nothing stored', async () => {
    for (const channel of channelNames) {
      counts.channels++
      const schema = contract[channel].input
      // The whole input of the wrong kind.
      for (const input of ['текст', 42, [1, 2], true]) {
        if (!validate(schema, input).ok) await refused(channel, null, input)
      }
      for (const leaf of leavesOf(schema)) {
        for (const value of badFor(leaf))
          await refused(channel, leaf.path, inputWith(leaf.path, value))
      }
    }
    expect([...new Set(problems.map((p) => p.replace(/ \{.*?\}?: /, ' … ')))].slice(0, 80)).toEqual(
      [],
    )
    expect(counts.channels).toBe(channelNames.length)
  }, 120_000)
})

describe('bad input over the web dev host', () => {
  it('answers every channel in the contract shape, never a 5xx', async () => {
    const rendererDir = join(t0.dir, 'renderer')
    mkdirSync(rendererDir, { recursive: true })
    writeFileSync(join(rendererDir, 'index.html'), '<html><head></head><body></body></html>')
    const host = await startWebHost({ dispatch: t0.app.dispatch, rendererDir })
    try {
      const post = (channel: string, body: string) =>
        fetch(new URL(`/api/${encodeURIComponent(channel)}`, host.url), {
          method: 'POST',
          headers: { 'x-api-token': host.token, 'x-client-id': 'fuzz-http-1' },
          body,
        })
      const bodies = ['{"x":', '[]', '"текст"', JSON.stringify({ a: '\u0000' }), '\u0000']
      const statuses: number[] = []
      for (const channel of [...channelNames, 'нет.такого', '%E0%A4%A', '__proto__']) {
        for (const body of bodies) {
          const res = await post(channel, body)
          statuses.push(res.status)
          const answer = (await res.json()) as {
            ok: boolean
            error?: { code: string; message: string }
          }
          expect(answer.ok === true || /[а-яё]/i.test(answer.error?.message ?? '')).toBe(true)
          expect(answer.error?.code).not.toBe('internal')
        }
      }
      expect(statuses.filter((s) => s >= 500)).toEqual([])
    } finally {
      await host.close()
    }
  })
})
