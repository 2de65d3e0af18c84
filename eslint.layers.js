// The layers and who may import whom, as ESLint's no-restricted-imports per folder (README,
// "Layers"). A file matches exactly one entry below: in flat config the last entry that sets a
// rule for a file replaces the earlier ones, so each entry carries every restriction of its
// folder. test/architecture/layers.test.ts plants a violation of each kind and expects lint to
// refuse it.
import { readFileSync } from 'node:fs'

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'))

/** Each source layer and the layers it may import (besides itself). */
export const layers = {
  'src-shared': [],
  'src-node': ['src-shared'],
  'src-demo': ['src-shared', 'src-node'],
  'src-main': ['src-shared', 'src-node', 'src-demo'],
  'src-preload': ['src-shared'],
  'src-renderer': ['src-shared'],
  'src-server': ['src-shared', 'src-node', 'src-demo'],
}

// Electron is a dev dependency by Electron's own rule (the runtime brings it); the `node`
// package is the Node binary npm runs scripts with, never imported.
const devDependencies = Object.keys(pkg.devDependencies).filter(
  (name) => name !== 'node' && !name.startsWith('@types/'),
)

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'crypto',
  'child_process',
  'http',
  'https',
  'net',
  'url',
  'worker_threads',
  'zlib',
]

function otherLayers(layer) {
  const allowed = new Set([layer, ...layers[layer]])
  return Object.keys(layers)
    .filter((other) => !allowed.has(other))
    .map((other) => `**/${other}/**`)
}

function devDependencyPatterns(allowed) {
  const names = devDependencies.filter((name) => !allowed.includes(name))
  return {
    group: names.flatMap((name) => [name, `${name}/*`]),
    message:
      'A dev dependency is not installed with the app: only the web dev host (src-main/webhost) and Electron code (src-main/electron, src-preload) may import one.',
  }
}

function restrict({ files, ignores = [], layer, devAllowed = [], extra = [] }) {
  return {
    files,
    ignores,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: otherLayers(layer),
              message: `${layer} may import only ${[layer, ...layers[layer]].join(', ')}.`,
            },
            devDependencyPatterns(devAllowed),
            ...extra,
          ],
        },
      ],
    },
  }
}

const noNode = (layer) => ({
  group: nodeBuiltins,
  message: `${layer} runs without Node: no Node built-ins.`,
})
const noDatabase = {
  group: ['better-sqlite3', 'drizzle-orm', 'drizzle-orm/*', 'pg', '@electric-sql/*', 'fastify'],
  message: 'src-shared is pure: no database or server library.',
}
const noVue = {
  group: ['vue', 'pinia', 'vue-*', 'element-plus', 'element-plus/*'],
  message: 'The Vue app stays in src-renderer.',
}
const noWebHost = {
  group: ['**/webhost/**', './webhost/*', '../webhost/*'],
  message:
    'The web dev host is not part of the installed app: nothing else in src-main imports it.',
}

// The renderer calls the API only from its Pinia stores (`<domain>/store.ts`, `<part>-store.ts`).
const rendererStores = ['src-renderer/**/store.ts', 'src-renderer/**/*-store.ts']
const onlyStoresCallTheApi = {
  group: ['**/api/client', './client'],
  importNames: ['call', 'callOrThrow'],
  message: "Only the domain's Pinia store (store.ts, <part>-store.ts) calls the API.",
}

export const layerRules = [
  restrict({
    files: ['src-shared/**/*.ts'],
    layer: 'src-shared',
    extra: [noNode('src-shared'), noDatabase, noVue],
  }),
  restrict({ files: ['src-node/**/*.ts'], layer: 'src-node', extra: [noVue] }),
  restrict({
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/electron/**', 'src-main/webhost/**'],
    layer: 'src-main',
    extra: [noVue, noWebHost],
  }),
  restrict({
    files: ['src-main/electron/**/*.ts'],
    layer: 'src-main',
    devAllowed: ['electron'],
    extra: [noVue, noWebHost],
  }),
  restrict({
    files: ['src-main/webhost/**/*.ts'],
    layer: 'src-main',
    devAllowed: ['playwright-core'],
    extra: [noVue],
  }),
  restrict({
    files: ['src-preload/**/*.ts'],
    layer: 'src-preload',
    devAllowed: ['electron'],
    extra: [noVue],
  }),
  restrict({
    files: ['src-renderer/**/*.{ts,vue}'],
    ignores: [...rendererStores, 'src-renderer/api/**'],
    layer: 'src-renderer',
    extra: [noNode('src-renderer'), onlyStoresCallTheApi],
  }),
  restrict({
    files: [...rendererStores, 'src-renderer/api/**'],
    layer: 'src-renderer',
    extra: [noNode('src-renderer')],
  }),
  restrict({ files: ['src-server/**/*.ts'], layer: 'src-server', extra: [noVue] }),
  // The demo generator: data for a fresh replica or server; never shipped to the screen.
  restrict({ files: ['src-demo/**/*.ts'], layer: 'src-demo', extra: [noVue] }),
]
