import { join } from 'node:path'

/*
 * At runtime this code is bundled into out/main/index.js; the renderer and the preload are
 * built next to it (out/renderer, out/preload), also inside the packaged app.asar.
 */
const bundleDir = import.meta.dirname

export function rendererDir(): string {
  return join(bundleDir, '..', 'renderer')
}

/** electron-vite emits the CommonJS preload of an ESM package as index.cjs. */
export function preloadFile(): string {
  return join(bundleDir, '..', 'preload', 'index.cjs')
}
