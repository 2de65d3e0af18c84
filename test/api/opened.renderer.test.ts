import { describe, expect, it } from 'vitest'
import type { ApiResult } from '../../src-shared/api/result'
import { useOpened } from '../../src-renderer/api/latest'

/** A read the test answers by hand, per account. */
function reads() {
  const waiting = new Map<string, (result: ApiResult<string>) => void>()
  const read = (accountId: string) =>
    new Promise<ApiResult<string>>((resolve) => waiting.set(accountId, resolve))
  return {
    read,
    answer: (accountId: string, result: ApiResult<string>) => waiting.get(accountId)!(result),
  }
}

describe('what a screen opens on', () => {
  it('is null while read, then the value; a refusal leaves null and its words', async () => {
    const { read, answer } = reads()
    const opened = useOpened(read)
    const first = opened.open('a1')
    expect(opened.value.value).toBeNull()
    answer('a1', { ok: true, value: 'proposal a1' })
    expect(await first).toBe('proposal a1')
    expect(opened.value.value).toBe('proposal a1')

    const second = opened.open('a2')
    expect(opened.value.value).toBeNull()
    answer('a2', { ok: false, error: { code: 'not_found', message: 'Лицевой счет не найден' } })
    expect(await second).toBeNull()
    expect(opened.value.value).toBeNull()
    expect(opened.error.value).toBe('Лицевой счет не найден')
  })

  it('keeps the account opened last when an older read answers after it', async () => {
    const { read, answer } = reads()
    const opened = useOpened(read)
    const older = opened.open('a1')
    const newer = opened.open('a2')
    answer('a2', { ok: true, value: 'proposal a2' })
    answer('a1', { ok: true, value: 'proposal a1' })
    expect(await newer).toBe('proposal a2')
    expect(await older).toBeNull()
    expect(opened.value.value).toBe('proposal a2')
    expect(opened.error.value).toBeNull()
  })
})
