import { defineConfig } from 'drizzle-kit'

export default defineConfig({
  dialect: 'sqlite',
  schema: './src-node/db/schema/index.ts',
  out: './resources/migrations',
  casing: 'snake_case',
})
