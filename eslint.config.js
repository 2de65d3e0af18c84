import js from '@eslint/js'
import prettier from 'eslint-config-prettier'
import vue from 'eslint-plugin-vue'
import globals from 'globals'
import tseslint from 'typescript-eslint'
import { layerRules } from './eslint.layers.js'
export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      '.scratch/**',
      'test-results/**',
      'playwright-report/**',
      // electron-vite's bundled config, written and removed beside it while a build runs (npm
      // test runs lint and build at once).
      '*.config.ts.*.mjs',
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
    // A component used but not imported renders as an unknown element, silently: the refusal
    // of a confirmation once showed as an empty tag. The router's are registered by the app.
    files: ['src-renderer/**/*.vue'],
    rules: {
      'vue/no-undef-components': ['error', { ignorePatterns: ['^router-(view|link)$'] }],
    },
  },
  {
    // Pure code shared by every side: no Node, Electron, DOM or database.
    files: ['src-shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
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
  ...layerRules,
  prettier,
)
