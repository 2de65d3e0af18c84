export * from './mirror'
export * from './sync'
