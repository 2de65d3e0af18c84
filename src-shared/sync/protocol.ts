import { z } from 'zod'

/** Bumped when push/pull messages change shape; a server speaks exactly one. */
export const SYNC_PROTOCOL_VERSION = 1

/** Most commands one push carries: a request stays small and a transient failure costs little. */
export const PUSH_BATCH_LIMIT = 200
export const PULL_PAGE_LIMIT = 5000

export const clientVersionsSchema = z.object({
  protocol: z.number().int(),
  /** The replica's migration count: the server knows which columns the client has. */
  schema: z.number().int(),
  app: z.string().min(1),
})
export type ClientVersions = z.infer<typeof clientVersionsSchema>

export const pushedCommandSchema = z.object({
  id: z.string().min(1).max(64),
  seq: z.number().int().positive(),
  name: z.string().min(1).max(100),
  argsVersion: z.number().int().positive(),
  args: z.unknown(),
  operatorId: z.string().nullable(),
  at: z.string().min(1),
})
export type PushedCommand = z.infer<typeof pushedCommandSchema>

export const pushRequestSchema = z.object({
  versions: clientVersionsSchema,
  deviceId: z.string().min(1).max(64),
  commands: z.array(pushedCommandSchema).max(PUSH_BATCH_LIMIT),
})
export type PushRequest = z.infer<typeof pushRequestSchema>

export type CommandOutcome =
  | { id: string; status: 'applied'; result: unknown; version: number | null }
  | {
      id: string
      status: 'duplicate'
      /** What the first delivery got. */
      outcome: 'applied' | 'rejected'
      result: unknown
      reason: string | null
      version: number | null
    }
  | { id: string; status: 'rejected'; reason: string }

export interface PushResponse {
  outcomes: CommandOutcome[]
  /** Set when a transient failure stopped the batch: the rest is sent again later. */
  stopped: string | null
}

/** Two independent streams: rows of the workstation's branch, and global reference rows. */
export const syncCursorSchema = z.object({
  branch: z.number().int().min(0),
  global: z.number().int().min(0),
})
export type SyncCursor = z.infer<typeof syncCursorSchema>

export const pullRequestSchema = z.object({
  versions: clientVersionsSchema,
  cursor: syncCursorSchema,
  limit: z.number().int().min(1).max(PULL_PAGE_LIMIT).default(PULL_PAGE_LIMIT),
  /** Re-pull of one table after a failed verify: all its rows from the start. */
  table: z.string().optional(),
})
export type PullRequest = z.input<typeof pullRequestSchema>

export interface PulledRow {
  /** table name */
  t: string
  /** the row, snake_case columns */
  r: Record<string, unknown>
  /** tombstone: delete the row with this key */
  d?: true
}

export interface PullResponse {
  rows: PulledRow[]
  cursor: SyncCursor
  /** More rows wait past this page. */
  more: boolean
}

export interface TableDigest {
  count: number
  hash: string
}

export interface VerifyResponse {
  tables: Record<string, TableDigest>
  cursor: SyncCursor
}

export interface UpdateRequiredAnswer {
  code: 'update_required'
  message: string
}
