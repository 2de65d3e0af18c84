import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'electron-vite'
import { resolve } from 'node:path'

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      externalizeDeps: true,
      lib: {
        entry: {
          index: resolve('src-main/electron/main.ts'),
          // Its own entry: a worker thread loads it by file (see SyncThread).
          'sync-worker': resolve('src-main/sync/sync-worker.ts'),
          'export-worker': resolve('src-main/reports/export-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // Sandboxed preloads must be a single CommonJS file.
      externalizeDeps: false,
      lib: { entry: resolve('src-preload/index.ts'), formats: ['cjs'] },
    },
  },
  renderer: {
    root: resolve('src-renderer'),
    plugins: [vue()],
    // vue-i18n: composition API only, no runtime message compiler or devtools in the bundle.
    define: {
      __VUE_I18N_LEGACY_API__: false,
      __VUE_I18N_FULL_INSTALL__: false,
      __INTLIFY_PROD_DEVTOOLS__: false,
    },
    build: {
      outDir: resolve('out/renderer'),
      rolldownOptions: { input: resolve('src-renderer/index.html') },
    },
  },
})
