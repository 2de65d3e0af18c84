import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { Dispatch } from '../../src-main/api/dispatch'
import { registerIpcHandlers } from '../../src-main/electron/ipc'
import { TrustedContents } from '../../src-main/electron/trusted-contents'
import { channelNames } from '../../src-shared/api/contract'
import { FakeWebContents, FakeWebFrame, ipcMain, resetFakeElectron } from './support/fake-electron'

vi.mock('electron', () => import('./support/fake-electron'))

const appPage = 'app://renderer/index.html'
const channel = channelNames[0]!

function setup() {
  const dispatch = vi.fn<Dispatch>(() => Promise.resolve({ ok: true, value: { answer: 42 } }))
  const trusted = new TrustedContents()
  const contents = new FakeWebContents()
  trusted.add(contents)
  registerIpcHandlers(dispatch, trusted)
  return { dispatch, contents }
}

/** Calls the registered handler the way ipcMain would, with a hand-made event. */
function call(
  name: string,
  event: { sender: { id: number }; senderFrame: FakeWebFrame | null },
  input: unknown,
): Promise<unknown> {
  const handler = ipcMain.handlers.get(name) as (e: unknown, i: unknown) => Promise<unknown>
  return handler(event, input)
}

const forbidden = {
  ok: false,
  error: { code: 'forbidden', message: 'Запрос отклонен: неизвестный источник.' },
}

describe('IPC adapter', () => {
  beforeEach(() => resetFakeElectron())

  it('registers every contract channel exactly once, and nothing else', () => {
    setup()
    expect(channelNames.length).toBeGreaterThan(0)
    expect(ipcMain.handle).toHaveBeenCalledTimes(channelNames.length)
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...channelNames].sort())
  })

  it('passes a call from our window to dispatch with the wc:<id> client key', async () => {
    const { dispatch, contents } = setup()
    const input = { query: 'Иванов' }
    const result = await call(
      channel,
      { sender: contents, senderFrame: new FakeWebFrame(`${appPage}#/accounts`) },
      input,
    )
    expect(result).toEqual({ ok: true, value: { answer: 42 } })
    expect(dispatch).toHaveBeenCalledTimes(1)
    // Exactly channel, input, key: the event never leaves the adapter.
    expect(dispatch.mock.calls[0]).toEqual([channel, input, `wc:${contents.id}`])
  })

  it.each([
    ['a foreign page', 'https://evil.example/index.html'],
    ['a file:// page', 'file:///tmp/index.html'],
    ['another app:// host', 'app://other/index.html'],
    ['a userinfo trick', 'app://renderer@evil.example/index.html'],
    ['an http origin', 'http://renderer/index.html'],
  ])('refuses %s without calling dispatch', async (_name, url) => {
    const { dispatch, contents } = setup()
    const result = await call(channel, { sender: contents, senderFrame: new FakeWebFrame(url) }, {})
    expect(result).toEqual(forbidden)
    expect(dispatch).not.toHaveBeenCalled()
  })

  it('refuses a webContents it did not create, even on our origin', async () => {
    const { dispatch } = setup()
    const stranger = new FakeWebContents()
    const result = await call(
      channel,
      { sender: stranger, senderFrame: new FakeWebFrame(appPage) },
      {},
    )
    expect(result).toEqual(forbidden)
    expect(dispatch).not.toHaveBeenCalled()
  })

  it('refuses a subframe, a missing frame and a destroyed window', async () => {
    const { dispatch, contents } = setup()
    const subframe = new FakeWebFrame(appPage, new FakeWebFrame(appPage))
    expect(await call(channel, { sender: contents, senderFrame: subframe }, {})).toEqual(forbidden)
    expect(await call(channel, { sender: contents, senderFrame: null }, {})).toEqual(forbidden)
    contents.emit('destroyed')
    const mainFrame = new FakeWebFrame(appPage)
    expect(await call(channel, { sender: contents, senderFrame: mainFrame }, {})).toEqual(forbidden)
    expect(dispatch).not.toHaveBeenCalled()
  })

  it('answers a failing dispatch with a result, not a rejection', async () => {
    const { dispatch, contents } = setup()
    dispatch.mockRejectedValueOnce(new Error('boom'))
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {})
    const result = await call(
      channel,
      { sender: contents, senderFrame: new FakeWebFrame(appPage) },
      {},
    )
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } })
    spy.mockRestore()
  })
})
