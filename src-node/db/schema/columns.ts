import { text } from 'drizzle-orm/sqlite-core'
import type { Service } from '../../../src-shared/accounts/domain'
import { accounts } from './accounts'
import { services, suppliers } from './reference'

// The references most tables carry, each written once. Function declarations: the schema's
// modules import each other, and these are called while they load.

/** The account a row belongs to. */
export function accountColumn() {
  return text()
    .notNull()
    .references(() => accounts.id)
}

/** The supplier of a row's service. */
export function supplierColumn() {
  return text()
    .notNull()
    .references(() => suppliers.id)
}

/** The service a row is about. */
export function serviceColumn() {
  return text()
    .$type<Service>()
    .notNull()
    .references(() => services.code)
}
