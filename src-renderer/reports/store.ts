import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type {
  ExportStatus,
  ReportFiltersInput,
  ReportKind,
} from '../../src-shared/reports/contract'
import type { ReportTable } from '../../src-shared/reports/table'
import type { OfficeRow, OperatorRow, SupplierRow } from '../../src-shared/settings/contract'
import { call } from '../api/client'
import { translate } from '../i18n'

const pollMs = 300

/**
 * A finished export from the web dev host's one-time address. The page fetches it itself and hands
 * the browser the bytes: a link to the address let the browser's download manager fetch it on its
 * own, and a second request of it (a download resumed or retried after the host had sent and
 * removed the file) got the 404, saved as a file named «download». False when it did not come.
 */
async function download(address: string, fileName: string): Promise<boolean> {
  const response = await fetch(address).catch(() => null)
  if (!response?.ok) return false
  const url = URL.createObjectURL(await response.blob())
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  document.body.append(link)
  link.click()
  link.remove()
  // The click hands the bytes over at once; the blob is let go a while after.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
  return true
}

/** The reports screen's data: the one place the reports domain calls the API. */
export const useReportsStore = defineStore('reports', () => {
  const report = ref<ReportKind>('payments')
  const filters = ref<ReportFiltersInput>({})
  const table = shallowRef<ReportTable | null>(null)
  const loading = ref(false)
  const error = ref<string | null>(null)
  const offices = shallowRef<OfficeRow[]>([])
  const operators = shallowRef<OperatorRow[]>([])
  const suppliers = shallowRef<SupplierRow[]>([])
  const exporting = ref<ExportStatus | null>(null)
  /** Payments and debtors of the whole company, asked of the central server. */
  const companyWide = ref(false)
  let sequence = 0
  let timer: ReturnType<typeof setTimeout> | null = null

  async function loadChoices(): Promise<void> {
    const [o, p, s] = await Promise.all([
      call('settings.offices', {}),
      call('settings.operators', {}),
      call('settings.suppliers', {}),
    ])
    if (o.ok) offices.value = o.value
    if (p.ok) operators.value = p.value
    if (s.ok) suppliers.value = s.value
  }

  async function run(): Promise<void> {
    const mine = ++sequence
    loading.value = true
    const kind = report.value
    const result =
      companyWide.value && (kind === 'payments' || kind === 'debtors')
        ? await call('reports.central', { report: kind, filters: filters.value })
        : await call('reports.run', { report: kind, filters: filters.value })
    if (mine !== sequence) return
    loading.value = false
    table.value = result.ok ? result.value : null
    error.value = result.ok ? null : result.error.message
  }

  function poll(jobId: string): void {
    timer = setTimeout(async () => {
      timer = null
      const result = await call('reports.exportStatus', { jobId })
      if (!result.ok) {
        error.value = result.error.message
        return
      }
      settle(result.value)
    }, pollMs)
  }

  function settle(status: ExportStatus): void {
    exporting.value = status
    if (status.state === 'running') return poll(status.jobId)
    if (status.state === 'done' && status.download) {
      const { download: address, fileName } = status
      void download(address, fileName).then((ok) => {
        if (!ok) error.value = translate('reports.downloadFailed')
      })
    }
    if (status.state === 'failed') error.value = status.error
  }

  async function startExport(): Promise<void> {
    error.value = null
    const result = await call('reports.export', { report: report.value, filters: filters.value })
    if (!result.ok) {
      error.value = result.error.message
      return
    }
    // null: the supervisor closed the save dialog.
    if (result.value) settle(result.value)
  }

  async function cancelExport(): Promise<void> {
    const jobId = exporting.value?.jobId
    if (!jobId) return
    if (timer) clearTimeout(timer)
    timer = null
    const result = await call('reports.exportCancel', { jobId })
    if (result.ok) exporting.value = result.value
    else error.value = result.error.message
  }

  function dismissExport(): void {
    exporting.value = null
  }

  return {
    report,
    filters,
    table,
    loading,
    error,
    offices,
    operators,
    suppliers,
    exporting,
    companyWide,
    loadChoices,
    run,
    startExport,
    cancelExport,
    dismissExport,
  }
})
