// The central server's admin command line: npm run server -- <command> [options]
import { parseArgs } from 'node:util'
import { officeDate } from '../../src-shared/dates'
import { validate } from '../../src-shared/api/validation'
import { newPasswordProblem } from '../../src-shared/operators/password-rules'
import { operatorSaveSchema } from '../../src-shared/settings/schemas'
import { roles, type Role } from '../../src-shared/operators/roles'
import {
  formatFingerprint,
  groupCode,
  pinOfFingerprint,
} from '../../src-shared/sync/registration-code'
import { isLoopbackHost } from '../../src-shared/sync/server-address'
import { importAccounts } from '../accounts/import-accounts'
import { loadServerDemo } from '../admin/demo'
import { runBilling } from '../billing/run'
import { createBranch, createOffice, createOperator } from '../admin/reference'
import { openServerDatabase } from '../db/connection'
import { buildServerApp } from '../http/app'
import { serverCertificate, type ServerCertificate } from '../http/certificate'
import { seedLaw } from '../settings/law-seed'
import { setSetting } from '../settings/set-setting'
import { settingsOn } from '../settings/settings'
import { issueRegistrationCode } from '../workstation/registration-codes'
import { runReportCommand } from '../reports/report-command'
import { publishReleaseCommand, warnFeedsBelowMinimum } from '../updates/publish-command'

const usage = `npm run server -- <command> [options]

  start                 [--host 127.0.0.1] [--port 5190] [--min-app VERSION] [--tls-dir DIR] [--http]
                        [--releases-dir .data/releases]
  publish-release       --file F.exe|.AppImage|.deb --version 1.2.3 --channel stable|pilot
                        [--rollout PERCENT] [--notes TEXT] [--sha512 DIGEST] [--releases-dir .data/releases]
                        (needs no database: runs beside a running server)
  create-branch         --code C --name N
  create-office         --branch ID --name N --address A
  create-operator       --login L --password P --name "Фамилия Имя" --role clerk|cashier|supervisor|admin [--office ID]
  register-workstation  --office ID --name N --prefix P     (prints its one-time registration code)
  demo-data             [--accounts 1000] [--seed 1] [--months 24] [--today YYYY-MM-DD]
  import-accounts       --office ID --file accounts.xlsx|.csv [--skip-bad]
  report                payments|debtors --out report.xlsx [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--branch ID]
  bill                  --period YYYY-MM [--branch ID]   (the period close; Ctrl+C stops, run again resumes)
  set-setting           --key K --from YYYY-MM-DD --value JSON   (a new dated value, e.g. the key rate:
                        --key penaltyKeyRate --from 2026-12-22 --value 1500, in 1/100 %)

A first start gives the database billing's dated law (key rates, the 9.5% cap, the moratorium,
due days, norms) for each of those settings it does not hold yet.

The database: DATABASE_URL (PostgreSQL), or an embedded PGlite in --data-dir (default
.data/server). PGlite serves one process: stop the server before other commands on it.

The server speaks HTTPS with the certificate in --tls-dir (default <data-dir>-tls: server.crt,
server.key); a first start makes a self-signed one. Workstations pin it: the registration code
carries its fingerprint. --http (plain HTTP) only on a loopback host, for development.`

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    'data-dir': { type: 'string', default: '.data/server' },
    'tls-dir': { type: 'string' },
    http: { type: 'boolean', default: false },
    host: { type: 'string', default: '127.0.0.1' },
    port: { type: 'string', default: '5190' },
    'min-app': { type: 'string' },
    'releases-dir': { type: 'string', default: '.data/releases' },
    version: { type: 'string' },
    channel: { type: 'string' },
    rollout: { type: 'string' },
    notes: { type: 'string' },
    sha512: { type: 'string' },
    code: { type: 'string' },
    name: { type: 'string' },
    branch: { type: 'string' },
    office: { type: 'string' },
    address: { type: 'string' },
    login: { type: 'string' },
    password: { type: 'string' },
    role: { type: 'string' },
    prefix: { type: 'string' },
    accounts: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '1' },
    months: { type: 'string', default: '24' },
    today: { type: 'string' },
    file: { type: 'string' },
    'skip-bad': { type: 'boolean', default: false },
    from: { type: 'string' },
    to: { type: 'string' },
    out: { type: 'string' },

    period: { type: 'string' },
    key: { type: 'string' },
    value: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
})

function need(name: keyof typeof values): string {
  const v = values[name]
  if (typeof v !== 'string' || v === '') {
    console.error(`Не указан параметр --${name}.\n\n${usage}`)
    process.exit(2)
  }
  return v
}

// Beside the database's directory, not in it: PGlite owns that one.
const tlsDir = () => values['tls-dir'] ?? `${values['data-dir']}-tls`

const command = positionals[0]
if (!command || values.help) {
  console.log(usage)
  process.exit(values.help ? 0 : 2)
}

if (command === 'start' && values.http && !isLoopbackHost(values.host)) {
  console.error(
    '--http только на этом компьютере (--host 127.0.0.1): в сети сервер работает по https.',
  )
  process.exit(2)
}

if (command === 'publish-release') {
  process.exit(
    await publishReleaseCommand({
      releasesDir: values['releases-dir'],
      file: need('file'),
      version: need('version'),
      channel: need('channel'),
      rollout: values.rollout,
      notes: values.notes,
      sha512: values.sha512,
    }),
  )
}

const database = await openServerDatabase({
  databaseUrl: process.env.DATABASE_URL,
  dataDir: process.env.DATABASE_URL ? undefined : values['data-dir'],
})
const { db } = database
// Billing's law is there from the first start of a fresh server (never written over).
const seeded = await seedLaw(db)
if (seeded > 0) console.log(`Записаны действующие нормы закона для расчета (настроек: ${seeded}).`)
const done = async (code = 0) => {
  await database.close()
  process.exit(code)
}

switch (command) {
  case 'start': {
    let tls: ServerCertificate | undefined
    if (!values.http) {
      tls = await serverCertificate(tlsDir())
      console.log(
        `${tls.created ? 'Создан сертификат сервера' : 'Сертификат сервера'} (SHA-256): ${formatFingerprint(tls.fingerprint)}`,
      )
    }
    const releasesDir = values['releases-dir']
    const app = await buildServerApp({
      db,
      minAppVersion: values['min-app'],
      tls,
      releasesDir,
    })
    const address = await app.listen({ host: values.host, port: Number(values.port) })
    console.log(`Центральный сервер: ${address} (${database.kind})`)
    await warnFeedsBelowMinimum(releasesDir, values['min-app'])
    const stop = async () => {
      await app.close()
      await done()
    }
    process.once('SIGINT', () => void stop())
    process.once('SIGTERM', () => void stop())
    break
  }
  case 'create-branch': {
    console.log(await createBranch(db, { code: need('code'), name: need('name') }))
    await done()
    break
  }
  case 'create-office': {
    const id = await createOffice(db, {
      branchId: need('branch'),
      name: need('name'),
      address: need('address'),
    })
    console.log(id)
    await done()
    break
  }
  case 'create-operator': {
    const role = need('role') as Role
    if (!roles.includes(role)) {
      console.error(`Роль: одна из ${roles.join(', ')}.`)
      await done(2)
    }
    const password = need('password')
    const today = officeDate(new Date(), 'Europe/Moscow')
    const problem = newPasswordProblem(password, (await settingsOn(db, today))('passwordMinLength'))
    if (problem) {
      console.error(`Пароль: ${problem}.`)
      await done(2)
    }
    // The same rules as the admin's screen: no `__proto__`, no names every object has.
    const login = validate(operatorSaveSchema.shape.login, need('login'))
    if (!login.ok) {
      console.error(login.error.message)
      await done(2)
      break
    }
    const id = await createOperator(db, {
      login: login.value,
      password,
      fullName: need('name'),
      role,
      officeId: values.office ?? null,
    })
    console.log(id)
    await done()
    break
  }
  case 'register-workstation': {
    const issued = await issueRegistrationCode(db, {
      officeId: need('office'),
      name: need('name'),
      receiptPrefix: need('prefix'),
    })
    // The code carries the pin of the server's certificate: the workstation talks to no other.
    const { fingerprint } = await serverCertificate(tlsDir())
    const code = `${issued.code}-${groupCode(pinOfFingerprint(fingerprint))}`
    console.log(
      `Рабочее место ${issued.workstationId}\nКод регистрации: ${code} (действует до ${issued.expiresAt})`,
    )
    await done()
    break
  }
  case 'demo-data': {
    const options = {
      accounts: Number(values.accounts),
      seed: Number(values.seed),
      months: Number(values.months),
      today: values.today ?? officeDate(new Date(), 'Europe/Moscow'),
    }
    const started = Date.now()
    const result = await loadServerDemo(db, options, (n) => process.stdout.write(`\r${n} л/с`))
    console.log(`\nДемо-данные: ${result.accounts} л/с за ${Date.now() - started} мс`)
    await done()
    break
  }
  case 'import-accounts': {
    const report = await importAccounts(db, {
      file: need('file'),
      officeId: need('office'),
      skipBad: values['skip-bad'],
    })
    for (const e of report.errors) {
      console.error(e.line === 0 ? e.message : `строка ${e.line}: ${e.message}`)
    }
    const refused = report.errors.some((e) => e.line === 0)
    console.log(
      `Загружено лицевых счетов: ${report.imported}, строк с ошибками: ${report.errors.length}`,
    )
    await done(refused || (report.errors.length > 0 && !values['skip-bad']) ? 1 : 0)
    break
  }
  case 'report': {
    const rows = await runReportCommand(db, {
      report: positionals[1] ?? '',
      from: values.from,
      to: values.to,
      branchId: values.branch,
      out: need('out'),
    })
    console.log(`Отчет записан в ${values.out}: строк ${rows}`)
    await done()
    break
  }
  case 'bill': {
    const period = need('period')
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(period)) {
      console.error('Период: укажите месяц в виде ГГГГ-ММ, например 2026-11.')
      await done(2)
    }
    const stop = new AbortController()
    process.once('SIGINT', () => stop.abort())
    const started = Date.now()
    const results = await runBilling(db, {
      period,
      branchId: values.branch,
      signal: stop.signal,
      onProgress: (p) => process.stdout.write(`\r${p.branchId}: ${p.done} из ${p.total} л/с`),
    }).catch(async (error: unknown) => {
      // A missing law setting or a later closed period: said plainly, nothing was written.
      console.error(
        `\nРасчет не выполнен: ${error instanceof Error ? error.message : String(error)}`,
      )
      await done(1)
      return []
    })
    process.stdout.write('\n')
    for (const r of results) {
      const state = {
        closed: 'период закрыт',
        'already-closed': 'период уже был закрыт, ничего не изменено',
        stopped: 'остановлено; повторный запуск продолжит',
      }[r.status]
      console.log(
        `${r.branchId}: ${state}; л/с: ${r.accounts}, строк начислений: ${r.chargeLines}, пени: ${r.penaltyLines}`,
      )
    }
    console.log(`За ${Date.now() - started} мс`)
    await done()
    break
  }
  case 'set-setting': {
    const refusal = await setSetting(db, {
      key: need('key'),
      validFrom: need('from'),
      value: need('value'),
    })
    if (refusal) console.error(refusal)
    else console.log(`Настройка ${values.key} с ${values.from}: ${values.value}`)
    await done(refusal ? 2 : 0)
    break
  }
  default:
    console.error(`Неизвестная команда: ${command}\n\n${usage}`)
    await done(2)
}
