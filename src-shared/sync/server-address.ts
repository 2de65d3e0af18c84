/**
 * The central server's address as a workstation keeps it: http or https, a host, an optional
 * port, nothing after. The sync client puts its own paths (/sync/push, /sync/pull, ...) after
 * the host, so a path or a query typed into the address would be silently dropped, and a login
 * in it would travel with every request: all three are refused.
 */
const shape =
  /^(?<scheme>[a-z][a-z0-9+.-]*):\/\/(?<login>[^/?#@]*@)?(?<host>\[[0-9a-f:.]+\]|[^/?#:]*)(?::(?<port>[^/?#]*))?(?<rest>.*)$/iu
const hostName = /^[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)*$/u

const example = 'адрес вида http://сервер:5190'

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
  return { scheme: scheme!.toLowerCase(), host: host.toLowerCase(), port }
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
