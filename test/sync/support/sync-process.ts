// Child process for kill.sync.test.ts: a workstation that registers accounts and syncs in small
// batches and pages, over and over, until it is killed.
import { registerAccountSchema } from '../../../src-shared/accounts/schemas'
import { registerAccount } from '../../../src-main/accounts/register-account'
import { executeCommand } from '../../../src-main/commands/command'
import { openReplica } from '../../../src-main/db/replica'
import { runSync } from '../../../src-main/sync/sync-run'
import { accountInput } from '../../support/temp-app'

const [file, officeId, startArg, clerkId] = process.argv.slice(2)
const db = openReplica({ file: file! })
let n = Number(startArg)
process.stdout.write('ready\n')
for (;;) {
  for (let i = 0; i < 3; i++) {
    n += 1
    const input = accountInput({ number: String(n), officeId })
    executeCommand(db, registerAccount, registerAccountSchema.parse(input), {
      operatorId: clerkId!,
      now: new Date(),
    })
  }
  await runSync(db, {
    appVersion: '1.0.0',
    now: () => new Date(),
    pushBatch: 2,
    pullLimit: 5,
  }).catch(() => undefined)
}
