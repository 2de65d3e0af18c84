import { z } from 'zod'
import { unstorableAt } from './storable'

/** Bumped when push/pull messages change shape. */
export const SYNC_PROTOCOL_VERSION = 3
/** Push has not changed since version 1: older apps still deliver their payments and readings. */
export const OLDEST_PUSH_PROTOCOL = 1
/**
 * Pull's tables had one-letter fields (`t`, `c`, `d`) before version 3: the server still answers
 * version 2 in them (the same rows, other names), so an older app keeps pulling.
 */
export const OLDEST_PULL_PROTOCOL = 2

/** Most commands one push carries: a request stays small and a transient failure costs little. */
export const PUSH_BATCH_LIMIT = 200
export const PULL_PAGE_LIMIT = 10000

export const clientVersionsSchema = z.object({
  protocol: z.number().int(),
  /** The replica's migration count: the server knows which columns the client has. */
  schema: z.number().int(),
  app: z.string().min(1),
})
export type ClientVersions = z.infer<typeof clientVersionsSchema>

/** A command's own fields are the workstation's, never typed text: bad ones refuse the push. */
const envelopeText = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .refine((s) => unstorableAt(s) === null, 'недопустимые символы')

export const pushedCommandSchema = z.object({
  id: envelopeText(64),
  seq: z.number().int().positive(),
  name: envelopeText(100),
  argsVersion: z.number().int().positive(),
  /** Parsed per command by its contract entry (src-shared/sync/commands.ts). */
  args: z.unknown(),
  operatorId: envelopeText(64).nullable(),
  at: envelopeText(40),
})
export type PushedCommand = z.infer<typeof pushedCommandSchema>

export const pushRequestSchema = z.object({
  versions: clientVersionsSchema,
  deviceId: envelopeText(64),
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

/**
 * One table's rows in a pulled page: the column names once, then each row as its values in that
 * order (a third of the bytes of objects, and bound to SQLite as they come). Within a page the
 * order of rows does not matter: each row is there once, in its latest version.
 */
export interface PulledTable {
  table: string
  /** snake_case columns */
  columns: string[]
  rows: unknown[][]
  /** tombstones: delete the rows with these keys (same columns) */
  deleted: unknown[][]
}

/** The field names of a pulled table on the wire, by the client's protocol. */
export function pulledTableFields(
  protocol: number,
): Record<'table' | 'columns' | 'deleted', string> {
  return protocol >= 3
    ? { table: 'table', columns: 'columns', deleted: 'deleted' }
    : { table: 't', columns: 'c', deleted: 'd' }
}

export interface PullResponse {
  tables: PulledTable[]
  /** How many rows and tombstones the page holds. */
  count: number
  cursor: SyncCursor
  /** More rows wait past this page. */
  more: boolean
}

/** A pulled row as an object (tests and tools; the workstation stores the arrays as they are). */
export interface PulledRow {
  t: string
  r: Record<string, unknown>
  d?: true
}

export function pulledRows(page: Pick<PullResponse, 'tables'>): PulledRow[] {
  const rows: PulledRow[] = []
  for (const { table: t, columns: c, rows: live, deleted: d } of page.tables) {
    const object = (values: unknown[]) => Object.fromEntries(c.map((name, i) => [name, values[i]]))
    for (const values of live) rows.push({ t, r: object(values) })
    for (const values of d) rows.push({ t, r: object(values), d: true })
  }
  return rows
}

/** POST /operators/check: an operator logging in at a workstation that is online. */
export const operatorCheckSchema = z.object({
  versions: clientVersionsSchema,
  login: z.string().min(1).max(100),
  password: z.string().min(1).max(200),
})

/** An online login's session: sync requests made for the operator carry the token. */
export interface OperatorSessionAnswer {
  token: string
  expiresAt: string
}

/** The answer to /operators/check; clients before the session token read only `valid`. */
export type OperatorCheckAnswer = { valid: false } | ({ valid: true } & OperatorSessionAnswer)

/** POST /operators/logout: the operator logged out, their session's token ends. */
export const operatorLogoutSchema = z.object({
  versions: clientVersionsSchema,
  token: z.string().min(1).max(200),
})

/** Request header of push, pull and verify: the session token of the operator at the workstation. */
export const OPERATOR_TOKEN_HEADER = 'x-operator-token'
/**
 * Response header when that token no longer stands (expired, revoked, another workstation's, the
 * operator deactivated or their password changed): the sync still happened, the session ends.
 */
export const OPERATOR_SESSION_HEADER = 'x-operator-session'
export const OPERATOR_SESSION_ENDED = 'ended'

/** POST /workstations/claim: a registration code typed into a new workstation's wizard. */
export const claimRequestSchema = z.object({
  versions: clientVersionsSchema,
  code: z.string().min(1).max(40),
})

/** The credentials a registration code gives, once, and how much the first pull will bring. */
export interface RegistrationAnswer {
  workstationId: string
  secret: string
  name: string
  estimatedRows: number
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
