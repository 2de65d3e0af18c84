import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { unknownKeyFinder } from '../../src-shared/sync/unknown-keys'

const line = z.object({ serviceId: z.string(), amount: z.number() })
interface Node {
  name: string
  children?: Node[]
}
const tree: z.ZodType<Node> = z.lazy(() =>
  z.object({ name: z.string(), children: z.array(tree).optional() }),
)
const payment = z.object({
  payer: z.string().nullable(),
  lines: z.array(line),
  // Read whole: any key inside is its own business.
  report: z.unknown(),
  byZone: z.record(z.string(), z.object({ id: z.string() })),
  method: z.union([z.object({ cash: z.number() }), z.object({ card: z.string() })]),
  extra: z.object({ note: z.string() }).catchall(z.string()).optional(),
  tree: tree.optional(),
})
const made = z.object({ paymentId: z.string() })
const find = unknownKeyFinder([payment, made])

describe('the first key no schema of a pushed payload names', () => {
  it.each([
    [
      'a known payload',
      { payer: null, lines: [{ serviceId: 's', amount: 1 }], paymentId: 'p' },
      null,
    ],
    ['a top-level key of neither part', { payer: 'a', branchId: 'b' }, 'branchId'],
    ['a key of the second part', { paymentId: 'p' }, null],
    [
      'inside an array element',
      { lines: [{ serviceId: 's' }, { serviceId: 's', x: 1 }] },
      'lines[1].x',
    ],
    ['anything under unknown', { report: { any: { deep: 1 } } }, null],
    [
      'a record key is free, its value is not',
      { byZone: { T1: { id: 'r', y: 1 } } },
      'byZone.T1.y',
    ],
    ['either branch of a union names it', { method: { cash: 1, card: 'x' } }, null],
    ['no branch of a union names it', { method: { cheque: 1 } }, 'method.cheque'],
    ['a catchall takes other keys', { extra: { note: 'a', whatever: 'b' } }, null],
    [
      'recursive schemas, deep',
      { tree: { name: 'a', children: [{ name: 'b', children: [{ name: 'c', z: 1 }] }] } },
      'tree.children[0].children[0].z',
    ],
    ['a prototype key is a plain unknown key', JSON.parse('{"__proto__": {"x": 1}}'), '__proto__'],
    ["wrong types are the parse's to refuse", { lines: 'not a list', method: 3 }, null],
  ])('%s', (_label, value, expected) => {
    expect(find(value)).toBe(expected)
    // A second look answers the same from the plan already made.
    expect(find(value)).toBe(expected)
  })
})
