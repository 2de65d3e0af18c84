// The sync loop's runs, on a thread of their own: storing a page of 10,000 pulled rows takes
// better-sqlite3 (synchronous) a tenth of a second, which the window must not feel.
import { parentPort, workerData } from 'node:worker_threads'
import { openSqlite, wrap } from '../db/connection'
import { attachReplicaKey } from '../db/replica-key'
import { retryAfterMsOf } from './sync-loop'
import { runSync } from './sync-run'
import type { SyncThreadData, SyncThreadMessage, SyncThreadRun } from './sync-thread'

const { file, appVersion, replicaKey } = workerData as SyncThreadData
// Its own connection to the replica the main thread migrated: WAL lets both read while one writes.
const sqlite = openSqlite(file)
if (replicaKey) attachReplicaKey(sqlite, Buffer.from(replicaKey))
const db = wrap(sqlite)
const post = (message: SyncThreadMessage) => parentPort!.postMessage(message)

parentPort!.on('message', ({ token }: SyncThreadRun) => {
  runSync(db, {
    appVersion,
    now: () => new Date(),
    onPulled: (rows) => post({ pulled: rows }),
    // The sessions are the main thread's: it ends them when the server says so.
    operatorSessions: { token: () => token, ended: (ended) => post({ sessionEnded: ended }) },
  })
    .then((report) => post({ done: report }))
    .catch((error: unknown) =>
      post({
        failed: error instanceof Error ? error.message : String(error),
        retryAfterMs: retryAfterMsOf(error),
      }),
    )
})
