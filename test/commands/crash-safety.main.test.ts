import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openSqlite } from '../../src-main/db/connection'
import { openReplica } from '../../src-main/db/replica'
import { seedReference } from '../support/temp-app'

const kills = Number(process.env.CRASH_KILLS ?? 40)
const dir = mkdtempSync(join(tmpdir(), 'energo-crash-'))
const file = join(dir, 'replica.sqlite')
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** Starts a writer, lets it write for a random moment after it is ready, then SIGKILLs it. */
function runAndKill(start: number, delayMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        join(import.meta.dirname, 'support', 'writer-process.ts'),
        file,
        String(start),
      ],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    )
    child.stdout.once('data', () => setTimeout(() => child.kill('SIGKILL'), delayMs))
    child.once('error', reject)
    child.once('exit', (_code, signal) =>
      signal === 'SIGKILL' ? resolve() : reject(new Error(`writer ended by itself: ${signal}`)),
    )
  })
}

describe('a writer killed at random moments', () => {
  it(
    `loses no outbox entry and leaves no change without one (${kills} kills)`,
    { timeout: 600_000 },
    async () => {
      const db = openReplica({ file })
      seedReference(db)
      db.$client.close()

      for (let i = 0; i < kills; i++) {
        const count = openSqlite(file, { readonly: true })
        const written = count.prepare('SELECT count(*) FROM accounts').pluck().get() as number
        count.close()
        // Start numbers after what is there, so no kill is mistaken for a duplicate-number refusal.
        await runAndKill(written + i * 1_000_000, 5 + Math.floor(Math.random() * 120))
      }

      const check = openSqlite(file)
      const q = (sql: string) => check.prepare(sql).pluck().get() as number
      expect(check.pragma('integrity_check', { simple: true })).toBe('ok')
      const accounts = q('SELECT count(*) FROM accounts')
      expect(accounts).toBeGreaterThan(kills)
      // Every account has its outbox entry and its audit entry from the same command...
      expect(
        q(`SELECT count(*) FROM accounts a WHERE NOT EXISTS (
           SELECT 1 FROM outbox o JOIN audit_log l ON l.command_id = o.id
            WHERE o.name = 'account.register' AND json_extract(o.args, '$.number') = a.number AND l.entity_id = a.id)`),
      ).toBe(0)
      // ...and every outbox entry has its account: none without.
      expect(
        q(`SELECT count(*) FROM outbox o WHERE NOT EXISTS (
           SELECT 1 FROM accounts a WHERE a.number = json_extract(o.args, '$.number'))`),
      ).toBe(0)
      expect(q('SELECT count(*) FROM outbox')).toBe(accounts)
      // The per-device sequence has no gaps and no reuse.
      expect(q('SELECT max(sequence) FROM outbox')).toBe(accounts)
      expect(q('SELECT last_sequence FROM device_state')).toBe(accounts)
      // Search index rows match the accounts.
      expect(q('SELECT count(*) FROM account_search')).toBe(accounts)
      check.close()
    },
  )
})
