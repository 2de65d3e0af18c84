import { rmSync } from 'node:fs'
import type { Worker } from 'node:worker_threads'
import { startWorker } from '../app/start-worker'
import { randomUUID } from 'node:crypto'
import type { ExportStatus, ReportFilters, ReportKind } from '../../src-shared/reports/contract'
import type { ExportDestination } from './export-destination'

/** What the export thread is given: everything to build the report from its own connection. */
export interface ExportJobData {
  /** The replica file. */
  file: string
  report: ReportKind
  filters: ReportFilters
  timeZone: string
  today: string
  /** ISO instant the export was asked for. */
  now: string
  /** Where the file goes. */
  path: string
}

export type ExportThreadMessage = { progress: number } | { done: number } | { failed: string }

export interface ExportRequest extends Omit<ExportJobData, 'file' | 'path'> {
  fileName: string
  /** Who asked: only they see and cancel the job. */
  operatorId: string
}

interface Job {
  status: ExportStatus
  operatorId: string
  worker: Worker | null
  path: string
}

const kept = 20

/**
 * Exports running on worker threads, one thread per export: cancelling ends the thread, which
 * stops SheetJS even in the middle of writing, and removes what it wrote. `onDone` records a
 * finished export (the audit log).
 */
export class ReportExports {
  private readonly jobs = new Map<string, Job>()

  constructor(
    /** The worker's module: the built `export-worker.js`, or the `.ts` source run through tsx. */
    private readonly script: URL,
    private readonly replicaFile: string,
    private readonly destination: ExportDestination,
    private readonly onDone: (request: ExportRequest, rows: number) => void,
  ) {}

  /** Asks where the file goes, then starts; null when the supervisor cancelled the choice. */
  async start(request: ExportRequest): Promise<ExportStatus | null> {
    const target = await this.destination.choose(request.fileName)
    if (!target) return null
    const jobId = randomUUID()
    const status: ExportStatus = {
      jobId,
      state: 'running',
      progress: 0,
      rows: null,
      path: target.download === null ? target.path : null,
      download: null,
      fileName: request.fileName,
      error: null,
    }
    const data: ExportJobData = {
      file: this.replicaFile,
      report: request.report,
      filters: request.filters,
      timeZone: request.timeZone,
      today: request.today,
      now: request.now,
      path: target.path,
    }
    const worker = startWorker(this.script, data)
    const job: Job = { status, operatorId: request.operatorId, worker, path: target.path }
    this.jobs.set(jobId, job)
    this.forgetOld()
    const finish = (patch: Partial<ExportStatus>) => {
      if (job.status.state !== 'running') return
      job.status = { ...job.status, ...patch }
      job.worker = null
      void worker.terminate()
    }
    worker.on('message', (message: ExportThreadMessage) => {
      if ('progress' in message) {
        job.status = { ...job.status, progress: message.progress }
      } else if ('done' in message) {
        try {
          this.onDone(request, message.done)
        } catch (error) {
          console.error('[reports.export] audit', error)
        }
        finish({ state: 'done', progress: 1, rows: message.done, download: target.download })
      } else {
        console.error('[reports.export]', message.failed)
        finish({ state: 'failed', error: 'Не удалось сформировать файл отчета.' })
      }
    })
    worker.on('error', (error) => {
      console.error('[reports.export]', error)
      finish({ state: 'failed', error: 'Не удалось сформировать файл отчета.' })
    })
    worker.on('exit', () => finish({ state: 'failed', error: 'Выгрузка прервана.' }))
    return status
  }

  /** The job's state, for its owner; null when there is no such job of theirs. */
  status(jobId: string, operatorId: string): ExportStatus | null {
    const job = this.jobs.get(jobId)
    return job && job.operatorId === operatorId ? job.status : null
  }

  /** Ends a running export and removes its partial file. */
  async cancel(jobId: string, operatorId: string): Promise<ExportStatus | null> {
    const job = this.jobs.get(jobId)
    if (!job || job.operatorId !== operatorId) return null
    const worker = job.worker
    if (job.status.state === 'running' && worker) {
      job.status = { ...job.status, state: 'cancelled' }
      job.worker = null
      await worker.terminate()
      for (const file of [job.path, `${job.path}.part`]) rmSync(file, { force: true })
    }
    return job.status
  }

  /** Waits for no export: ends the running ones (the app is closing). */
  async close(): Promise<void> {
    await Promise.all([...this.jobs.values()].map((j) => j.worker?.terminate()))
  }

  private forgetOld(): void {
    const done = [...this.jobs].filter(([, j]) => j.status.state !== 'running')
    for (const [id] of done.slice(0, Math.max(0, done.length - kept))) this.jobs.delete(id)
  }
}
