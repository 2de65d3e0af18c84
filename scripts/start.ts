// npm start: the whole system on one machine. Builds the app, runs the central server on PGlite
// with demo data (.data/server), registers this workstation to it and bootstraps its replica
// (.data/replica.sqlite), then starts the real app where the Electron binary is installed, else
// the web dev host. The workstation syncs with the server in the background from then on.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { resolve } from 'node:path'
import { bootstrapReplica, prepareDemoServer, startDemoServer } from './demo-system'
import { electronBinaryPath } from './electron-available'

const options = {
  dataDir: resolve('.data'),
  accounts: 1000,
  port: 5190,
  appVersion: process.env.npm_package_version ?? '0.1.0',
}

const built = spawnSync('npx', ['electron-vite', 'build'], { stdio: 'inherit' })
if (built.status !== 0) process.exit(built.status ?? 1)

const endpoint = await prepareDemoServer(options)
const server = await startDemoServer(options)
let app: ChildProcess | null = null
const stop = (code: number) => {
  app?.kill('SIGTERM')
  server.kill('SIGTERM')
  process.exit(code)
}
process.once('SIGINT', () => stop(0))
process.once('SIGTERM', () => stop(0))
try {
  await bootstrapReplica(options, endpoint)
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  stop(1)
}

const electronBinary = electronBinaryPath()
if (electronBinary) {
  app = spawn(electronBinary, ['.'], {
    stdio: 'inherit',
    env: { ...process.env, ENERGO_DATA_DIR: options.dataDir },
  })
} else {
  console.log(
    'Electron binary is not installed on this machine (it downloads from GitHub); starting the web dev host instead.',
  )
  app = spawn('npx', ['tsx', 'src-main/webhost/cli.ts', '--data-dir', options.dataDir], {
    stdio: 'inherit',
  })
}
app.on('exit', (code) => stop(code ?? 0))
