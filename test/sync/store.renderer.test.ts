// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { useSyncStore } from '../../src-renderer/sync/store'
import { useRendererApp } from '../support/renderer-bridge'

// A replica with no central server configured: what the Sync screen and the wizard show then.
// The store against a real server is covered by the sync suites' end-to-end specs.
useRendererApp({ login: 'super' })

describe('the sync store without a server', () => {
  it('holds empty lists and the status, also after syncing now', async () => {
    const sync = useSyncStore()
    await sync.loadCommands()
    expect(sync.commands).toEqual({ waiting: [], rejected: [], shiftDifferences: [], setAside: [] })
    expect(sync.commandsError).toBeNull()
    await sync.refresh()
    expect(sync.status).not.toBeNull()
    await sync.syncNow()
    expect(sync.commandsError).toBeNull()
    expect(sync.commands.waiting).toEqual([])
    sync.clear()
    expect([sync.status, sync.commandsError]).toEqual([null, null])
  })

  it('refuses an address that is not the server, naming the field', async () => {
    const sync = useSyncStore()
    const checked = await sync.checkServer('ftp://example')
    expect(checked.ok).toBe(false)
    expect(!checked.ok && (checked.error.fields?.serverUrl ?? checked.error.message)).toMatch(
      /[А-Яа-я]/u,
    )
  })

  it('tells the wizard the state of the first run and refuses a malformed code', async () => {
    const sync = useSyncStore()
    const state = await sync.setupState()
    expect(state).toMatchObject({ ok: true, value: { configured: false } })
    const registered = await sync.register('http://127.0.0.1:9', 'not-a-code')
    expect(registered.ok).toBe(false)
    expect(!registered.ok && Object.values(registered.error.fields ?? {}).join(' ')).toMatch(
      /[А-Яа-я]/u,
    )
  })
})
