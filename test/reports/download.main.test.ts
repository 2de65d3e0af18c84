import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportsFolder } from '../../src-main/app/create-app'
import { downloadFolder } from '../../src-main/reports/export-destination'
import { startWebHost, type WebHost } from '../../src-main/webhost/server'
import { tempApp, type TempApp } from '../support/temp-app'

let t: TempApp
let host: WebHost

beforeAll(async () => {
  t = tempApp()
  const rendererDir = join(t.dir, 'renderer')
  mkdirSync(rendererDir, { recursive: true })
  writeFileSync(join(rendererDir, 'index.html'), '<html><head></head><body></body></html>')
  host = await startWebHost({
    dispatch: t.app.dispatch,
    rendererDir,
    downloadsDir: exportsFolder(t.dir),
  })
})
afterAll(async () => {
  await host.close()
  t.cleanup()
})

describe("the web dev host's export downloads", () => {
  it('sends an export once, as an attachment named after the report, then removes it', async () => {
    const target = (await downloadFolder(exportsFolder(t.dir)).choose('Должники 2026-11-20.xlsx'))!
    writeFileSync(target.path, 'PK fake xlsx')
    const url = new URL(target.download!, host.url)
    const first = await fetch(url)
    expect(first.status).toBe(200)
    expect(first.headers.get('content-type')).toContain('spreadsheetml')
    expect(first.headers.get('content-disposition')).toContain(
      `filename*=UTF-8''${encodeURIComponent('Должники 2026-11-20.xlsx')}`,
    )
    expect(await first.text()).toBe('PK fake xlsx')
    expect(existsSync(target.path)).toBe(false)
    expect((await fetch(url)).status).toBe(404)
  })

  it.each([
    ['a guessed short key', '/download/abc/x.xlsx'],
    ['a path out of the folder', '/download/..%2F..%2Freplica.sqlite/x.xlsx'],
    ['no key', '/download/'],
  ])('refuses %s', async (_name, path) => {
    expect((await fetch(new URL(path, host.url))).status).toBe(404)
  })
})
