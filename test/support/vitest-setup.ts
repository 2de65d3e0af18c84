// Every vitest worker: operators made by tests are hashed at a cheap scrypt cost (see
// setPasswordCostForTests); test/operators/passwords.server.test.ts checks the production cost itself.
import { setPasswordCostForTests } from '../../src-node/operators/password'

setPasswordCostForTests({ N: 1024, r: 8, p: 1 })
