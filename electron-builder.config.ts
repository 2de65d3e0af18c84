import type { Configuration } from 'electron-builder'

/**
 * Installers: Windows NSIS (per machine, silent with /S) and Linux AppImage and deb. Built on a
 * machine that has Electron (README, "Releases"); test/electron/builder-config.electron.test.ts checks
 * this file against electron-builder's own schema.
 */

/**
 * Dependencies the installed app never loads: the renderer's are bundled by electron-vite, the
 * central server's and the web dev host's run elsewhere. The test checks src-main imports none.
 */
export const notShipped = [
  '@electric-sql',
  '@element-plus',
  'chart.js',
  'element-plus',
  'fastify',
  'pg',
  'pinia',
  'sirv',
  'vue',
  'vue-chartjs',
  'vue-i18n',
  'vue-router',
]

const config: Configuration = {
  appId: 'ru.energosbyt.office',
  productName: 'Energo Office',
  executableName: 'energo-office',
  copyright: 'Энергосбыт',
  directories: { buildResources: 'resources', output: 'dist' },
  files: [
    'out/**/*',
    'package.json',
    ...notShipped.map((name) => `!node_modules/${name}{,/**/*}`),
    // SQLite's C sources and the addon's own build folder: only the prebuilt binary is loaded.
    '!node_modules/better-sqlite3/{deps,src,build}{,/**/*}',
  ],
  // The replica's migrations, read from process.resourcesPath/migrations (src-main/electron/main.ts).
  extraResources: [
    { from: 'resources/migrations', to: 'migrations', filter: ['*.sql', 'meta/_journal.json'] },
  ],
  asar: true,
  // A native addon cannot be loaded from inside the asar archive.
  asarUnpack: ['node_modules/better-sqlite3/**/*.node'],
  // better-sqlite3 ships N-API binaries, which Electron loads as they are: nothing to rebuild.
  npmRebuild: false,
  electronFuses: {
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    enableCookieEncryption: true,
    grantFileProtocolExtraPrivileges: false,
  },
  win: {
    target: [{ target: 'nsis', arch: ['x64'] }],
    icon: 'icon.png',
  },
  nsis: {
    // An assisted installer for all users of the machine; `Setup.exe /S` installs it silently.
    oneClick: false,
    perMachine: true,
    allowElevation: true,
    allowToChangeInstallationDirectory: true,
    createDesktopShortcut: true,
    createStartMenuShortcut: true,
    shortcutName: 'Энергосбыт',
    artifactName: 'energo-office-setup-${version}.${ext}',
  },
  linux: {
    target: [
      { target: 'AppImage', arch: ['x64'] },
      { target: 'deb', arch: ['x64'] },
    ],
    icon: 'icon.png',
    category: 'Office',
    maintainer: 'Энергосбыт <it@energosbyt.invalid>',
    artifactName: 'energo-office-${version}-${arch}.${ext}',
  },
  // Makes electron-builder write app-update.yml into the installed app (electron-updater reads
  // its cache folder name there). The feed itself is the workstation's own central server, set at
  // run time from its sync address (src-main/electron/updater.ts), so this address is never used.
  publish: { provider: 'generic', url: 'http://127.0.0.1:5190/updates/stable' },
}

export default config
