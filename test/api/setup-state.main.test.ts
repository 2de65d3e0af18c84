import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { tempApp, type TempApp } from '../support/temp-app'

let t: TempApp
beforeEach(() => {
  t = tempApp()
})
afterEach(() => t.cleanup())

const failure = "SQLITE_CONSTRAINT: UNIQUE constraint failed: accounts.number ('7700000001')"

function syncStateWith(bootstrappedAt: string | null, error = failure) {
  t.app.services.db.$client
    .prepare(
      `INSERT INTO sync_state (id, server_url, workstation_id, secret, bootstrapped_at, last_error)
       VALUES (1, 'http://127.0.0.1:1', 'ws-1', 'secret', ?, ?)`,
    )
    .run(bootstrappedAt, error)
}

describe('setup.state before anyone logs in', () => {
  it('shows no last sync error of a bootstrapped workstation', async () => {
    syncStateWith('2026-11-01T00:00:00.000Z')
    const state = await t.app.dispatch('setup.state', {}, 'web:anyone-123')
    expect(state).toMatchObject({ ok: true, value: { configured: true, error: null } })
    expect(JSON.stringify(state)).not.toContain('SQLITE')
  })

  it('shows the wizard why its first pull is retried', async () => {
    const why = 'Сервер не отвечает. Проверьте адрес и сеть.'
    syncStateWith(null, why)
    const state = await t.app.dispatch('setup.state', {}, 'web:anyone-123')
    expect(state).toMatchObject({ ok: true, value: { bootstrapped: false, error: why } })
  })
})
