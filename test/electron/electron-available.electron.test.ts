import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { electronBinaryAvailable, electronBinaryPath } from '../../scripts/electron-available'

describe('electronBinaryAvailable', () => {
  let dir: string

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'energo-electron-pkg-'))
    vi.stubEnv('ELECTRON_OVERRIDE_DIST_PATH', '')
  })

  afterEach(() => {
    vi.unstubAllEnvs()
    rmSync(dir, { recursive: true, force: true })
  })

  it('is false for a package whose binary was never downloaded', () => {
    writeFileSync(join(dir, 'package.json'), '{"name":"electron"}')
    expect(electronBinaryAvailable(dir)).toBe(false)
  })

  it('is false when path.txt names a binary that dist/ lacks', () => {
    writeFileSync(join(dir, 'path.txt'), 'electron')
    expect(electronBinaryAvailable(dir)).toBe(false)
  })

  it('is true once path.txt and the binary in dist/ exist', () => {
    writeFileSync(join(dir, 'path.txt'), 'electron')
    mkdirSync(join(dir, 'dist'))
    writeFileSync(join(dir, 'dist', 'electron'), '')
    expect(electronBinaryAvailable(dir)).toBe(true)
    expect(electronBinaryPath(dir)).toBe(join(dir, 'dist', 'electron'))
  })

  it('is false without an electron package at all', () => {
    expect(electronBinaryAvailable(null)).toBe(false)
  })

  it('finds node_modules/electron without running its downloading index.js', () => {
    // Only the answer's type is checked: it depends on whether this machine has the binary.
    expect(typeof electronBinaryAvailable()).toBe('boolean')
  })
})
