import { describe, expect, it } from 'vitest'
import { build, type Rolldown } from 'vite'
import config from '../../electron.vite.config'

/** Builds the preload with the project's own settings, in memory. */
async function buildPreload(): Promise<Rolldown.OutputChunk> {
  const preload = (config as { preload: { build: Record<string, unknown> } }).preload.build
  const { outDir: _outDir, externalizeDeps: _externalize, ...settings } = preload
  const output = (await build({
    configFile: false,
    logLevel: 'silent',
    build: { ...settings, write: false, rolldownOptions: { external: ['electron'] } },
  })) as Rolldown.RolldownOutput[]
  const [chunk] = output[0]!.output
  if (chunk.type !== 'chunk') throw new Error('the preload built no chunk')
  return chunk
}

describe('preload bundle', () => {
  it('is one small CommonJS file that needs nothing but electron', async () => {
    const chunk = await buildPreload()
    expect(Buffer.byteLength(chunk.code)).toBeLessThan(5 * 1024)
    expect(chunk.imports).toEqual(['electron'])
    expect(chunk.moduleIds.some((id) => id.includes('node_modules'))).toBe(false)
    expect(chunk.code).toContain('require("electron")')
    expect(chunk.code).toContain('payments.record')
  })
})
