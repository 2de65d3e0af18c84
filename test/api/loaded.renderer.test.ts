import { describe, expect, it } from 'vitest'
import type { ApiResult } from '../../src-shared/api/result'
import { thenReload, useDraftSave, useLoaded } from '../../src-renderer/api/loaded'

// The stores' read and save helpers, fed the answers a channel gives; the stores over a real app
// are in test/settings and test/sync.
const ok = <T>(value: T): ApiResult<T> => ({ ok: true, value })
const refused: ApiResult<never> = {
  ok: false,
  error: { code: 'forbidden', message: 'Недостаточно прав', fields: { name: 'Название: пусто' } },
}

/** A read answering the given results in turn. */
function answers<T>(...results: ApiResult<T>[]): () => Promise<ApiResult<T>> {
  return () => Promise.resolve(results.shift()!)
}

describe('useLoaded', () => {
  it.each([
    ['keeps the list on screen', {}, ['a']],
    ['puts the empty list back', { emptyOnFailure: true }, []],
  ])(
    'after a failed read it %s and says why; a read that works clears that',
    async (_, options, kept) => {
      const loaded = useLoaded(answers(ok(['a']), refused, ok(['b'])), [] as string[], options)
      expect(await loaded.load()).toBe(true)
      expect([loaded.value.value, loaded.error.value]).toEqual([['a'], null])
      expect(await loaded.load()).toBe(false)
      expect([loaded.value.value, loaded.error.value]).toEqual([kept, 'Недостаточно прав'])
      expect(await loaded.load()).toBe(true)
      expect([loaded.value.value, loaded.error.value]).toEqual([['b'], null])
    },
  )
})

describe('thenReload', () => {
  it.each([
    [ok(1), 1],
    [refused, 0],
  ])('reads again only after a change that was made (%j)', async (result, reloads) => {
    let count = 0
    const answered = await thenReload(Promise.resolve(result), async () => {
      count += 1
    })
    expect([answered, count]).toEqual([result, reloads])
  })
})

describe('useDraftSave', () => {
  it('keeps a refused draft with its refusal, closes a saved one and reads the list again', async () => {
    const sent: string[] = []
    let reloads = 0
    const form = useDraftSave(
      (draft: { name: string }) => {
        sent.push(draft.name)
        return Promise.resolve(draft.name === '' ? refused : ok(null))
      },
      async () => {
        reloads += 1
      },
    )
    expect(await form.save()).toBe(false)
    form.edit({ name: '' })
    expect(await form.save()).toBe(false)
    expect([form.draft.value, form.saveError.value?.fields?.name]).toEqual([
      { name: '' },
      'Название: пусто',
    ])
    form.edit({ name: 'Офис' })
    expect(form.saveError.value).toBeNull()
    expect(await form.save()).toBe(true)
    expect([form.draft.value, form.saving.value, reloads, sent]).toEqual([
      null,
      false,
      1,
      ['', 'Офис'],
    ])
  })

  it('sends a draft once while its save runs', async () => {
    let release: (r: ApiResult<null>) => void = () => undefined
    let sends = 0
    const form = useDraftSave(
      () => {
        sends += 1
        return new Promise<ApiResult<null>>((resolve) => (release = resolve))
      },
      async () => undefined,
    )
    form.edit({ name: 'Офис' })
    const first = form.save()
    expect(form.saving.value).toBe(true)
    expect(await form.save()).toBe(false)
    release(ok(null))
    expect([await first, sends]).toEqual([true, 1])
  })
})
