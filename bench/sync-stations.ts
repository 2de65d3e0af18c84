/**
 * The workstations of `npm run bench -- sync` that sync at once, in their own process, as they
 * would be on their own machines: the bench's process, full of the bootstrap's garbage, would
 * stall them with its collections. Each pushes one command and pulls what is new, round after
 * round; the first round only warms up (connections, each workstation's secret checked once per
 * server process, compiled code). Prints one `TIMES {...}` line with the timed rounds' latencies.
 */
import { parseArgs } from 'node:util'
import { uuidv7 } from 'uuidv7'
import type { RegisterAccountInput } from '../src-shared/accounts/schemas'
import { SYNC_PROTOCOL_VERSION, type SyncCursor } from '../src-shared/sync/protocol'
import { SyncServerClient } from '../src-main/sync/server-client'
import type { BenchServerReady } from './sync-server'

export interface StationsTask {
  url: string
  appVersion: string
  workstations: BenchServerReady['workstations']
  /** Where every workstation starts: the head, as a synced one would. */
  cursor: SyncCursor
  /** The account each one registers; numbers start with the prefix. */
  account: RegisterAccountInput
  /** The clerk who registers it. */
  operatorId: string
  numberPrefix: string
  rounds: number
}

export interface StationsTimes {
  pushMs: number[]
  pullMs: number[]
}

const { values } = parseArgs({ options: { task: { type: 'string' } } })
const task = JSON.parse(values.task!) as StationsTask
const versions = { protocol: SYNC_PROTOCOL_VERSION, schema: 0, app: task.appVersion }
const stations = task.workstations.map(({ operatorToken, ...credentials }) => ({
  client: new SyncServerClient({ serverUrl: task.url, ...credentials }, versions, {
    token: () => operatorToken,
    ended: () => {
      throw new Error(`the server ended the session of workstation ${credentials.workstationId}`)
    },
  }),
  deviceId: uuidv7(),
  cursor: task.cursor,
  seq: 0,
}))
const n = stations.length
const times: StationsTimes = { pushMs: [], pullMs: [] }
for (let round = 0; round <= task.rounds; round++) {
  const timed = round > 0
  await Promise.all(
    stations.map(async (s, i) => {
      s.seq += 1
      let t = performance.now()
      await s.client.push(s.deviceId, [
        {
          id: uuidv7(),
          seq: s.seq,
          name: 'account.register',
          argsVersion: 1,
          args: {
            ...task.account,
            number: `${task.numberPrefix}${String(round * n + i).padStart(8, '0')}`,
            accountId: uuidv7(),
            customerId: uuidv7(),
          },
          operatorId: task.operatorId,
          at: new Date().toISOString(),
        },
      ])
      if (timed) times.pushMs.push(performance.now() - t)
      t = performance.now()
      const page = await s.client.pull({ cursor: s.cursor, limit: 1000 })
      s.cursor = page.cursor
      if (timed) times.pullMs.push(performance.now() - t)
    }),
  )
}
console.log(`TIMES ${JSON.stringify(times)}`)
