/**
 * The central server's address as a workstation keeps it: https (or http on this very computer,
 * for development and tests: credentials never cross a network in the clear), a host, an optional
 * port, nothing after. The sync client puts its own paths (/sync/push, /sync/pull, ...) after
 * the host, so a path or a query typed into the address would be silently dropped, and a login
 * in it would travel with every request: all three are refused.
 */
const shape =
  /^(?<scheme>[a-z][a-z0-9+.-]*):\/\/(?<login>[^/?#@]*@)?(?<host>\[[0-9a-f:.]+\]|[^/?#:]*)(?::(?<port>[^/?#]*))?(?<rest>.*)$/iu
const hostName = /^[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)*$/u

const example = 'адрес вида https://сервер:5190'

interface Parts {
  scheme: string
  host: string
  port: string | undefined
}

function partsOf(text: string): Parts | string {
  const trimmed = text.trim()
  if (trimmed === '') return 'не заполнено'
  const m = /\s/u.test(trimmed) ? null : shape.exec(trimmed)
  if (!m?.groups) return example
  const { scheme, login, host, port, rest } = m.groups
  if (!/^https?$/iu.test(scheme!)) return `только http:// или https://, ${example}`
  if (login !== undefined) return 'без имени и пароля в адресе'
  if (!host || (!host.startsWith('[') && !hostName.test(host))) return example
  if (port !== undefined) {
    const n = /^\d{1,5}$/u.test(port) ? Number(port) : 0
    if (n < 1 || n > 65_535) return 'порт — число от 1 до 65535'
  }
  if (!/^\/*$/u.test(rest!)) return `только сервер и порт, без пути и параметров: ${example}`
  if (scheme!.toLowerCase() === 'http' && !isLoopbackHost(host)) {
    return `без шифрования (http://) — только на этом компьютере (localhost, 127.0.0.1); сервер в сети: ${example}`
  }
  return { scheme: scheme!.toLowerCase(), host: host.toLowerCase(), port }
}

/** This computer: localhost, 127.0.0.0/8 or [::1]. */
export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase()
  if (h === 'localhost' || h === '[::1]' || h === '::1') return true
  const octets = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/u.exec(h)
  return !!octets && octets.slice(1).every((o) => Number(o) <= 255)
}

/** What is wrong with a typed server address (without the field's name), or null. */
export function serverAddressProblem(text: string): string | null {
  const parts = partsOf(text)
  return typeof parts === 'string' ? parts : null
}

/** The address as stored: scheme and host in lower case, no trailing slash (a bad one trimmed). */
export function normalizeServerAddress(text: string): string {
  const parts = partsOf(text)
  if (typeof parts === 'string') return text.trim()
  return `${parts.scheme}://${parts.host}${parts.port === undefined ? '' : `:${parts.port}`}`
}

/**
 * Why a registered workstation must be registered again, or null: its address is plain http to
 * another computer (registered so before https was required), where its credentials and the
 * operators' passwords would cross the network in the clear, so the sync refuses to run.
 */
export function reregistrationNeeded(
  serverUrl: string,
  serverCertificate: string | null,
): string | null {
  const m = shape.exec(serverUrl.trim())
  const scheme = m?.groups?.scheme?.toLowerCase()
  const host = m?.groups?.host ?? ''
  if (scheme !== 'http' || isLoopbackHost(host) || serverCertificate) return null
  return (
    `Рабочее место зарегистрировано на сервере ${serverUrl} без шифрования (http://), и синхронизация ` +
    'остановлена: ключ рабочего места и пароли шли бы по сети открыто. Зарегистрируйте рабочее место ' +
    'заново: администратор сервера выдает код командой «npm run server -- register-workstation» ' +
    '(8 групп по 4 знака, в последних — отпечаток сертификата сервера); администратор здесь вводит ' +
    'адрес сервера https://… и этот код и нажимает «Сохранить». Данные рабочего места и команды, ' +
    'ожидающие отправки, сохраняются.'
  )
}
