// npm start: build, fill .data with demo data on the first run, then the real app where the
// Electron binary is installed, else the web dev host.
import { spawn, spawnSync } from 'node:child_process'
import { resolve } from 'node:path'
import { electronBinaryPath } from './electron-available'

const dataDir = resolve('.data')
const demoAccounts = '1000'

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { stdio: 'inherit' })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

run('npx', ['electron-vite', 'build'])

const electronBinary = electronBinaryPath()
if (electronBinary) {
  // The web host fills an empty replica with demo data; for Electron do it up front.
  const filled = spawnSync(
    'npx',
    ['tsx', 'src-main/demo/cli.ts', '--accounts', demoAccounts, '--data-dir', dataDir],
    { stdio: 'inherit' },
  )
  if (filled.status !== 0) console.log('Using the demo data already in .data.')
  const electron = spawn(electronBinary, ['.'], {
    stdio: 'inherit',
    env: { ...process.env, ENERGO_DATA_DIR: dataDir },
  })
  electron.on('exit', (code) => process.exit(code ?? 0))
} else {
  console.log(
    'Electron binary is not installed on this machine (it downloads from GitHub); starting the web dev host instead.',
  )
  const host = spawn(
    'npx',
    ['tsx', 'src-main/webhost/cli.ts', '--data-dir', dataDir, '--demo-accounts', demoAccounts],
    { stdio: 'inherit' },
  )
  host.on('exit', (code) => process.exit(code ?? 0))
}
