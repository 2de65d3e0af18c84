// Runs before `npm start` and `npm test` on whatever Node npm found first, so it stays plain
// CommonJS for old versions. `npm ci` brings Node 24 as the `node` dev dependency and npm puts
// its binary first on the scripts' PATH; when that did not happen (scripts ignored, an
// unsupported platform) the clerk's machine says what to install instead of a stack trace.
'use strict'
const required = 24
const major = Number(process.versions.node.split('.')[0])
if (major !== required) {
  console.error(
    `Energo Office needs Node ${required}, this is Node ${process.versions.node}: run \`npm ci\` (it installs Node ${required} into node_modules) or install Node ${required} from https://nodejs.org/.`,
  )
  process.exit(1)
}
