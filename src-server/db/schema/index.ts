export * from './mirror'
export * from './sync'
export * from './workstations'
export * from './operators'
