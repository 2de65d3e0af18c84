import js from '@eslint/js'
import prettier from 'eslint-config-prettier'
import vue from 'eslint-plugin-vue'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      '.scratch/**',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,vue}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Pure code shared by every side: no Node, Electron, DOM or database.
    files: ['src-shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*'], message: 'src-shared is pure: no Node built-ins.' },
            {
              group: [
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
                'electron',
                'better-sqlite3',
                'drizzle-orm',
                'drizzle-orm/*',
                'vue',
                'pinia',
                'fastify',
                '**/src-main/**',
                '**/src-renderer/**',
                '**/src-preload/**',
                '**/src-server/**',
              ],
              message: 'src-shared is pure: no Node, Electron, DOM, database or other layers.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'process',
        'Buffer',
        'require',
        '__dirname',
      ],
    },
  },
  {
    // Electron stays at the edges: only src-main/electron and the preload import it.
    files: ['src-main/**/*.ts', 'src-server/**/*.ts', 'src-renderer/**/*.{ts,vue}'],
    ignores: ['src-main/electron/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'Only src-main/electron imports electron.' }] },
      ],
    },
  },
  prettier,
)
