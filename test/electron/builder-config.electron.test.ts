import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js'
import { DebugLogger } from 'builder-util'
import type { Configuration } from 'electron-builder'
import { minimatch } from 'minimatch'
import { beforeAll, describe, expect, it } from 'vitest'
import { notShipped } from '../../electron-builder.config'

/**
 * The installers cannot be built here (no Electron binary to download), so the configuration is
 * loaded the way `electron-builder` loads it and checked against its own schema, then the
 * settings the administrators rely on are read back.
 */
const root = resolve(import.meta.dirname, '../..')
let config: Configuration

beforeAll(async () => {
  config = await getConfig(root, 'electron-builder.config.ts', null)
})

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => join(dir, file))
}

describe('electron-builder configuration', () => {
  it("passes electron-builder's own schema validation", async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined()
  })

  it('is really checked: a misspelt option is refused', async () => {
    const misspelt = { ...config, nsis: { ...config.nsis, perMachin: true } } as Configuration
    await expect(validateConfiguration(misspelt, new DebugLogger(false))).rejects.toThrow(
      /configuration\.nsis/,
    )
  })

  it('names the app and its icon in resources', () => {
    expect(config.appId).toBe('ru.energosbyt.office')
    expect(config.productName).toBe('Energo Office')
    expect(config.directories?.buildResources).toBe('resources')
    for (const icon of [config.win?.icon, config.linux?.icon]) {
      expect(existsSync(join(root, 'resources', String(icon)))).toBe(true)
    }
    const png = readFileSync(join(root, 'resources', String(config.linux?.icon)))
    // PNG signature, then IHDR's width and height: at least 256 px for the Windows icon.
    expect(png.subarray(1, 4).toString()).toBe('PNG')
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(256)
    expect(png.readUInt32BE(20)).toBeGreaterThanOrEqual(256)
  })

  it('builds an NSIS installer for all users that installs silently, and AppImage and deb', () => {
    expect(config.win?.target).toEqual([{ target: 'nsis', arch: ['x64'] }])
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: true })
    const linuxTargets = (config.linux?.target as { target: string }[]).map((t) => t.target)
    expect(linuxTargets).toEqual(['AppImage', 'deb'])
  })

  it('ships the migrations where the installed app reads them', () => {
    expect(config.extraResources).toEqual([
      { from: 'resources/migrations', to: 'migrations', filter: ['*.sql', 'meta/_journal.json'] },
    ])
    const main = readFileSync(join(root, 'src-main/electron/main.ts'), 'utf8')
    expect(main).toContain("join(process.resourcesPath, 'migrations')")
    const shipped = readdirSync(join(root, 'resources/migrations')).filter((f) =>
      minimatch(f, '*.sql'),
    )
    expect(shipped.length).toBeGreaterThan(0)
    expect(existsSync(join(root, 'resources/migrations/meta/_journal.json'))).toBe(true)
  })

  it("unpacks better-sqlite3's native binary from the asar and includes the built app", () => {
    const unpack = config.asarUnpack as string[]
    for (const binary of readdirSync(join(root, 'node_modules/better-sqlite3/prebuilds'))) {
      const path = `node_modules/better-sqlite3/prebuilds/${binary}`
      expect(unpack.some((pattern) => minimatch(path, pattern))).toBe(true)
    }
    expect(config.asar).toBe(true)
    const packageMain = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).main
    // electron-builder normalises `files` into one file set.
    const [included] = (config.files as { filter: string[] }[])[0]!.filter
    expect(minimatch(packageMain, included!)).toBe(true)
  })

  it('sets the Electron fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    })
  })

  it('leaves out only dependencies the main process never imports', () => {
    const imports = new Set<string>()
    // The web dev host (src-main/webhost) is not part of the installed app.
    const appFiles = [
      ...sourceFiles(join(root, 'src-main')),
      ...sourceFiles(join(root, 'src-node')),
      ...sourceFiles(join(root, 'src-shared')),
    ]
    for (const file of appFiles.filter((f) => !f.includes('/webhost/'))) {
      for (const match of readFileSync(file, 'utf8').matchAll(/from '([^.'][^']*)'/g)) {
        const specifier = match[1]!
        const parts = specifier.split('/')
        imports.add(specifier.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!)
      }
    }
    const leftOut = notShipped.filter((name) =>
      [...imports].some((used) => used === name || used.startsWith(`${name}/`)),
    )
    expect(leftOut).toEqual([])
    expect(imports.has('better-sqlite3')).toBe(true)
  })
})
