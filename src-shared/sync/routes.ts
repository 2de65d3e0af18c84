/** The central server's HTTP routes, one place for the workstation's client and the server. */
export const serverRoutes = {
  health: '/health',
  claim: '/workstations/claim',
  push: '/sync/push',
  pull: '/sync/pull',
  verify: '/sync/verify',
  operatorCheck: '/operators/check',
  operatorLogout: '/operators/logout',
  centralReport: '/reports/central',
  /** An appeal's file by its sha256: `PUT` uploads it whole, `GET` fetches it (same branch). */
  attachments: '/sync/attachments',
  billingRun: '/billing/run',
  billingStatus: '/billing/status',
} as const

export type ServerRoute = (typeof serverRoutes)[keyof typeof serverRoutes]
