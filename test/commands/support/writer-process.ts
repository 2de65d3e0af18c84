// Child process for crash-safety.main.test.ts: writes accounts through commands until it is killed.
import { registerAccountSchema } from '../../../src-shared/accounts/schemas'
import { registerAccount } from '../../../src-main/accounts/register-account'
import { executeCommand } from '../../../src-main/commands/command'
import { openReplica } from '../../../src-main/db/replica'
import { accountInput } from '../../support/temp-app'

const [file, startArg] = process.argv.slice(2)
const db = openReplica({ file: file! })
let n = Number(startArg)
process.stdout.write('ready\n')
for (;;) {
  n += 1
  const input = accountInput({ number: String(7_000_000_000 + n) })
  executeCommand(db, registerAccount, registerAccountSchema.parse(input), {
    operatorId: null,
    now: new Date(),
  })
}
