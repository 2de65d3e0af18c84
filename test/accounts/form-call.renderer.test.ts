import { describe, expect, it } from 'vitest'
import type { ApiResult } from '../../src-shared/api/result'
import { useFormCall } from '../../src-renderer/format/form-call'

const refusal = (fields?: Record<string, string>): ApiResult<never> => ({
  ok: false,
  error: { code: 'invalid_input', message: 'Проверьте поля', fields },
})

describe('a small form’s save', () => {
  it.each([
    ['saved', { ok: true, value: 1 } as ApiResult<number>, null],
    [
      'refused on a field',
      refusal({ reason: 'Причина: укажите причину' }),
      'Причина: укажите причину',
    ],
    ['refused as a whole', refusal(), 'Проверьте поля'],
  ])('%s: shows %s', async (_, answer, shown) => {
    const { busy, error, run } = useFormCall()
    const result = await run(() => Promise.resolve(answer))
    expect(result).toEqual(answer)
    expect([busy.value, error.value]).toEqual([false, shown])
  })

  it('sends once while a call runs, busy until it answers', async () => {
    const { busy, run } = useFormCall()
    let answer!: (value: ApiResult<number>) => void
    const first = run(() => new Promise<ApiResult<number>>((resolve) => (answer = resolve)))
    expect(busy.value).toBe(true)
    expect(await run(() => Promise.resolve({ ok: true, value: 2 }))).toBeNull()
    answer({ ok: true, value: 1 })
    expect(await first).toEqual({ ok: true, value: 1 })
    expect(busy.value).toBe(false)
  })
})
