import { ESLint } from 'eslint'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../..', import.meta.url))

/** A planted import in a file of one folder, and whether lint must refuse it. */
const cases: { file: string; source: string; refused: boolean }[] = [
  {
    file: 'src-server/sync/planted.ts',
    source: "import '../../src-main/db/connection'",
    refused: true,
  },
  {
    file: 'src-server/sync/planted.ts',
    source: "import '../../src-node/sync/synced-tables'",
    refused: false,
  },
  { file: 'src-server/sync/planted.ts', source: "import 'vitest'", refused: true },
  {
    file: 'src-node/sync/planted.ts',
    source: "import '../../src-main/db/connection'",
    refused: true,
  },
  {
    file: 'src-node/sync/planted.ts',
    source: "import '../../src-server/db/connection'",
    refused: true,
  },
  { file: 'src-node/sync/planted.ts', source: "import 'node:crypto'", refused: false },
  {
    file: 'src-shared/money/planted.ts',
    source: "import '../../src-node/operators/password'",
    refused: true,
  },
  { file: 'src-shared/money/planted.ts', source: "import 'node:fs'", refused: true },
  { file: 'src-shared/money/planted.ts', source: "import 'drizzle-orm'", refused: true },
  { file: 'src-shared/money/planted.ts', source: "import 'zod'", refused: false },
  {
    file: 'src-main/payments/planted.ts',
    source: "import '../../src-server/sync/push'",
    refused: true,
  },
  { file: 'src-main/payments/planted.ts', source: "import 'electron'", refused: true },
  { file: 'src-main/payments/planted.ts', source: "import 'playwright-core'", refused: true },
  { file: 'src-main/payments/planted.ts', source: "import '../webhost/server'", refused: true },
  {
    file: 'src-main/payments/planted.ts',
    source: "import '../../src-node/db/schema'",
    refused: false,
  },
  { file: 'src-main/electron/planted.ts', source: "import 'electron'", refused: false },
  { file: 'src-main/webhost/planted.ts', source: "import 'playwright-core'", refused: false },
  { file: 'src-main/webhost/planted.ts', source: "import 'electron'", refused: true },
  { file: 'src-preload/planted.ts', source: "import 'electron'", refused: false },
  { file: 'src-preload/planted.ts', source: "import '../src-main/api/handlers'", refused: true },
  { file: 'src-renderer/stores/planted.ts', source: "import 'node:fs'", refused: true },
  {
    file: 'src-renderer/stores/planted.ts',
    source: "import '../../src-node/db/schema'",
    refused: true,
  },
  {
    file: 'src-renderer/stores/planted.ts',
    source: "import '../../src-shared/money/format'",
    refused: false,
  },
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
  { file: 'src-demo/planted.ts', source: "import '../src-main/db/connection'", refused: true },
  { file: 'src-demo/planted.ts', source: "import '../src-server/sync/push'", refused: true },
  { file: 'src-demo/planted.ts', source: "import '../src-node/db/schema'", refused: false },
  { file: 'src-demo/planted.ts', source: "import '../src-shared/money/format'", refused: false },
  { file: 'src-demo/planted.ts', source: "import 'vitest'", refused: true },
  {
    file: 'src-server/admin/planted.ts',
    source: "import '../../src-demo/generate'",
    refused: false,
  },
  { file: 'src-main/demo/planted.ts', source: "import '../../src-demo/generate'", refused: false },
  {
    file: 'src-renderer/stores/planted.ts',
    source: "import '../../src-demo/generate'",
    refused: true,
  },
  { file: 'src-preload/planted.ts', source: "import '../src-demo/generate'", refused: true },
  {
    file: 'src-shared/money/planted.ts',
    source: "import '../../src-demo/generate'",
    refused: true,
  },
  { file: 'src-node/sync/planted.ts', source: "import '../../src-demo/generate'", refused: true },
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
