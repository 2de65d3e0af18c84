import { ESLint } from 'eslint'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../..', import.meta.url))

type Verdict = 'refused' | 'allowed'

/** Planted imports, by the file they are planted in: each module and whether lint must refuse it. */
const plantedImports: Record<string, Record<string, Verdict>> = {
  'src-server/sync/planted.ts': {
    '../../src-main/db/connection': 'refused',
    '../../src-node/sync/synced-tables': 'allowed',
    vitest: 'refused',
  },
  'src-node/sync/planted.ts': {
    '../../src-main/db/connection': 'refused',
    '../../src-server/db/connection': 'refused',
    'node:crypto': 'allowed',
    '../../src-demo/generate': 'refused',
  },
  'src-shared/money/planted.ts': {
    '../../src-node/operators/password': 'refused',
    'node:fs': 'refused',
    'drizzle-orm': 'refused',
    zod: 'allowed',
    '../../src-demo/generate': 'refused',
  },
  'src-main/payments/planted.ts': {
    '../../src-server/sync/push': 'refused',
    electron: 'refused',
    'playwright-core': 'refused',
    '../webhost/server': 'refused',
    '../../src-node/db/schema': 'allowed',
  },
  'src-main/electron/planted.ts': {
    electron: 'allowed',
  },
  'src-main/webhost/planted.ts': {
    'playwright-core': 'allowed',
    electron: 'refused',
  },
  'src-preload/planted.ts': {
    electron: 'allowed',
    '../src-main/api/handlers': 'refused',
    '../src-demo/generate': 'refused',
  },
  'src-renderer/stores/planted.ts': {
    'node:fs': 'refused',
    '../../src-node/db/schema': 'refused',
    '../../src-shared/money/format': 'allowed',
    '../../src-demo/generate': 'refused',
  },
  'src-demo/planted.ts': {
    '../src-main/db/connection': 'refused',
    '../src-server/sync/push': 'refused',
    '../src-node/db/schema': 'allowed',
    '../src-shared/money/format': 'allowed',
    vitest: 'refused',
  },
  'src-server/admin/planted.ts': {
    '../../src-demo/generate': 'allowed',
  },
  'src-main/demo/planted.ts': {
    '../../src-demo/generate': 'allowed',
  },
}

/** Each planted file's source and whether lint must refuse it: the imports above, then API calls. */
const cases: { file: string; source: string; refused: boolean }[] = [
  ...Object.entries(plantedImports).flatMap(([file, modules]) =>
    Object.entries(modules).map(([module, verdict]) => ({
      file,
      source: `import '${module}'`,
      refused: verdict === 'refused',
    })),
  ),
  {
    file: 'src-renderer/meters/Planted.vue',
    source:
      "<script setup lang=\"ts\">\nimport { call } from '../api/client'\ncall('meters.install', {} as never)\n</script>",
    refused: true,
  },
  {
    file: 'src-renderer/meters/planted.ts',
    source: "import { callOrThrow } from '../api/client'\nvoid callOrThrow",
    refused: true,
  },
  {
    file: 'src-renderer/meters/store.ts',
    source: "import { call } from '../api/client'\nvoid call",
    refused: false,
  },
  {
    file: 'src-renderer/meters/planted-store.ts',
    source: "import { call } from '../api/client'\nvoid call",
    refused: false,
  },
]

describe('layer boundaries in lint', () => {
  let eslint: ESLint
  beforeAll(() => {
    eslint = new ESLint({ cwd: root })
  })

  it.each(cases)('$file: $source refused=$refused', async ({ file, source, refused }) => {
    const [result] = await eslint.lintText(`${source}\n`, { filePath: `${root}${file}` })
    const boundary = result!.messages.filter((m) => m.ruleId === 'no-restricted-imports')
    expect(boundary.length > 0).toBe(refused)
  })
})
