// The replica's schema lives in src-node (the central server mirrors its synced tables); main's
// modules keep importing it from here.
export * from '../../src-node/db/schema'
