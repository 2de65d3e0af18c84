export const readingSources = ['phone', 'office', 'portal', 'control', 'bill'] as const
export type ReadingSource = (typeof readingSources)[number]

export const readingStatuses = ['accepted', 'rejected', 'billed'] as const
export type ReadingStatus = (typeof readingStatuses)[number]

export const zones = ['T1', 'T2', 'T3'] as const
export type Zone = (typeof zones)[number]
