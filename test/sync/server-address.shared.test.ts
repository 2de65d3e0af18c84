import { describe, expect, it } from 'vitest'
import { validate } from '../../src-shared/api/validation'
import { serverAddressSchema } from '../../src-shared/sync/contract'
import { normalizeServerAddress, serverAddressProblem } from '../../src-shared/sync/server-address'

describe('the central server address', () => {
  it.each([
    ['https://10.0.0.5:5190', 'https://10.0.0.5:5190'],
    ['http://127.0.0.1:5190', 'http://127.0.0.1:5190'],
    ['http://127.8.9.10', 'http://127.8.9.10'],
    ['HTTP://LocalHost:5190', 'http://localhost:5190'],
    ['  https://Sync.Energo.Local/ ', 'https://sync.energo.local'],
    ['HTTPS://server:5190//', 'https://server:5190'],
    ['https://сервер-тверь:8080', 'https://сервер-тверь:8080'],
    ['http://[::1]:5190', 'http://[::1]:5190'],
    ['https://energo', 'https://energo'],
  ])('%j is taken as %j', (typed, stored) => {
    expect(serverAddressProblem(typed)).toBeNull()
    expect(normalizeServerAddress(typed)).toBe(stored)
  })

  it.each([
    ['', 'не заполнено'],
    ['   ', 'не заполнено'],
    ['server:5190', 'адрес вида https://сервер:5190'],
    ['10.0.0.5', 'адрес вида https://сервер:5190'],
    ['ftp://server', 'только http:// или https://, адрес вида https://сервер:5190'],
    ['http://', 'адрес вида https://сервер:5190'],
    ['http://serv er:5190', 'адрес вида https://сервер:5190'],
    // Plain http only on this computer: across a network the credentials would travel in clear.
    ...['http://10.0.0.5:5190', 'http://server', 'http://128.0.0.1', 'http://127.0.0.256'].map(
      (typed) => [
        typed,
        'без шифрования (http://) — только на этом компьютере (localhost, 127.0.0.1); сервер в сети: адрес вида https://сервер:5190',
      ],
    ),
    ['http://server:0', 'порт — число от 1 до 65535'],
    ['http://server:70000', 'порт — число от 1 до 65535'],
    ['http://server:', 'порт — число от 1 до 65535'],
    ['http://server:51a0', 'порт — число от 1 до 65535'],
    ['http://admin:secret@server:5190', 'без имени и пароля в адресе'],
    [
      'http://server:5190/sync',
      'только сервер и порт, без пути и параметров: адрес вида https://сервер:5190',
    ],
    [
      'http://server:5190?x=1',
      'только сервер и порт, без пути и параметров: адрес вида https://сервер:5190',
    ],
  ])('%j is refused: %s', (typed, problem) => {
    expect(serverAddressProblem(typed)).toBe(problem)
  })

  it('names the field in the message, and is stored in one spelling', () => {
    expect(validate(serverAddressSchema, { serverUrl: 'server:5190' })).toEqual({
      ok: false,
      error: {
        code: 'invalid_input',
        message: 'Адрес сервера: адрес вида https://сервер:5190',
        fields: { serverUrl: 'Адрес сервера: адрес вида https://сервер:5190' },
      },
    })
    expect(validate(serverAddressSchema, {})).toMatchObject({
      ok: false,
      error: { fields: { serverUrl: 'Адрес сервера: не заполнено' } },
    })
    expect(validate(serverAddressSchema, { serverUrl: ' HTTPS://Server:5190/ ' })).toEqual({
      ok: true,
      value: { serverUrl: 'https://server:5190' },
    })
  })
})
