/** `npm run bench -- <name> [options]`: runs one benchmark. */

const benches: Record<string, () => Promise<{ run(args: string[]): Promise<void> | void }>> = {
  search: () => import('./search'),
  readings: () => import('./readings'),
  payments: () => import('./payments'),
  sync: () => import('./sync'),
  export: () => import('./export'),

  'first-paint': () => import('./first-paint'),

  billing: () => import('./billing'),
  bills: () => import('./bills'),
}

async function main(): Promise<void> {
  const [name, ...args] = process.argv.slice(2)
  const load = name ? benches[name] : undefined
  if (!load) {
    console.error(`usage: npm run bench -- <${Object.keys(benches).join('|')}> [options]`)
    process.exitCode = 1
    return
  }
  await (await load()).run(args)
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error)
  process.exitCode = 1
})
