import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import type { Role } from '../../../src-shared/operators/roles'
import { offices } from './reference'

export const operators = sqliteTable('operators', {
  id: text().primaryKey(),
  login: text().notNull().unique(),
  fullName: text().notNull(),
  role: text().$type<Role>().notNull(),
  officeId: text().references(() => offices.id),
  /** scrypt$N$r$p$salt$hash, base64 parts */
  passwordHash: text().notNull(),
  active: integer({ mode: 'boolean' }).notNull().default(true),
  createdAt: text().notNull(),
})
