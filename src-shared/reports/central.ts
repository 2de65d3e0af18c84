import { z } from 'zod'
import { clientVersionsSchema } from '../sync/protocol'
import { centralReportInput } from './contract'

/** POST /reports/central: the workstation asks for a company-wide report for its operator. */
export const centralReportRequestSchema = centralReportInput.extend({
  versions: clientVersionsSchema,
})
export type CentralReportRequest = z.input<typeof centralReportRequestSchema>

export const centralReportMessages = {
  notLoggedIn: 'Отчеты по компании доступны после входа при связи с центральным сервером.',
  notSupervisor: 'Отчеты по компании доступны старшему смены и администратору.',
  otherBranch: 'Отчеты других филиалов доступны только сотрудникам центрального офиса.',
  notConfigured: 'Рабочее место не подключено к центральному серверу.',
  offline: 'Нет связи с центральным сервером. Повторите позже.',
}
