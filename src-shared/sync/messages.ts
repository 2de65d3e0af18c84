import type { Role } from '../operators/roles'

/** Roles as the refusals name them. */
const roleNames: Record<Role, string> = {
  clerk: 'операционист',
  cashier: 'кассир',
  supervisor: 'старший смены',
  admin: 'администратор',
}

/** Russian reasons the central server gives a workstation; shown on the Sync screen. */
export const syncMessages = {
  clonedDevice: (seq: number, last: number) =>
    `Копия рабочего места: номер команды ${seq} уже занят (сервер получил до ${last}). База данных скопирована или восстановлена из резервной копии; команда не применена, обратитесь к администратору.`,
  foreignDevice:
    'Устройство зарегистрировано за другим рабочим местом: команда не применена, обратитесь к администратору.',
  unknownCommand: (name: string, version: number) =>
    `Сервер не знает команду «${name}» версии ${version}: обновите сервер или программу.`,
  updateRequired: (min: string) =>
    `Версия программы устарела: нужна ${min} или новее. Обновите программу; платежи и показания продолжают передаваться.`,
  updateRequiredForCommand:
    'Версия программы устарела: эту команду сервер примет после обновления программы.',
  protocolUnsupported: (version: number) =>
    `Протокол синхронизации ${version} не поддерживается сервером: обновите программу.`,
  unauthorized: 'Рабочее место не зарегистрировано на сервере или ключ неверен.',
  registrationCodeUnknown: 'Код регистрации: неверный, уже использован или просрочен.',
  accountNotFound: 'Лицевой счет не найден в филиале рабочего места.',
  officeNotFound: 'Офис не найден в филиале рабочего места.',
  accountNumberTaken: (number: string) =>
    `Номер лицевого счета: ${number} уже зарегистрирован на сервере.`,
  meterNotFound: 'Прибор учета не найден среди действующих приборов этого счета.',
  readingNotFound: 'Показание не найдено.',
  readingAlreadyDeleted: 'Показание уже удалено.',
  paymentNotFound: 'Платеж не найден.',
  rejectedPaymentNotFound:
    'Перенос платежа: сервер не отклонял этот платеж, переносить его нельзя. Обратитесь к администратору.',
  paymentAlreadyCancelled: 'Платеж уже отменен.',
  paymentLinesMismatch: 'Сумма платежа не равна сумме строк.',
  receiptNumberTaken: (number: string) => `Номер чека ${number} уже есть на сервере.`,
  shiftNotFound: 'Смена не найдена на сервере.',
  conflictsWithServer: (constraint: string) =>
    `Команда противоречит данным сервера (${constraint}): не применена, нужна проверка старшим смены.`,
  readingNeedsSupervisor:
    'Показания вне допустимого диапазона по данным сервера: их может принять только старший смены.',
  readingNeedsReason: 'Показания требуют причины по данным сервера, а причина не указана.',
  invalidArgs: (message: string) => `Неверные данные команды: ${message}`,
  unknownField: (field: string) =>
    `Неверные данные команды: поле «${field}» сервер не знает; команда не применена.`,
  operatorMissing: 'Оператор команды не указан: сервер принимает только команды оператора.',
  operatorUnknown: 'Оператор команды не найден на сервере: команда не применена.',
  operatorOtherBranch:
    'Оператор команды работает в другом филиале: рабочее место не может действовать от его имени.',
  operatorInactive: (at: string) => `Оператор команды не работал на ${at}: команда не применена.`,
  roleNotAllowed: (role: Role) =>
    `Роль оператора «${roleNames[role]}» не дает права на эту команду: команда не применена.`,
  supervisorUnknown:
    'Старший смены, подтвердивший команду, не найден в филиале рабочего места: команда не применена.',
  supervisorInactive: (at: string) =>
    `Старший смены, подтвердивший команду, не работал на ${at}: команда не применена.`,
  supervisorRoleNeeded: (role: Role) =>
    `Подтверждает старший смены или администратор, а не ${roleNames[role]}: команда не применена.`,
  adminSessionNeeded:
    'Изменение справочников и операторов принимается только при входе администратора на сервере (вход при связи с сервером): команда не применена.',
  adminOffline:
    'Справочники и операторов меняют только при связи с сервером: войдите в программу, когда сервер доступен, и повторите. Без связи изменение не сохранено.',
  adminScope:
    'Администратор филиала меняет только свой филиал; общие справочники и администраторов без офиса меняет центральный администратор.',
  foreignCommandId:
    'Номер команды уже занят командой другого рабочего места: команда не применена, обратитесь к администратору.',
  unstorableText: (field: string) =>
    `Неверные данные команды: в поле «${field}» недопустимые символы (управляющий символ или испорченная кодировка).`,
  tooLarge: (kb: number) => `Команда слишком велика (${kb} КБ): сервер ее не хранит.`,
  shiftNotOfWorkstation: 'Смена не найдена среди смен этого рабочего места на сервере.',
  paymentOverLimit: (total: string, max: string) =>
    `Сумма платежа ${total} больше допустимой ${max}: платеж не принят сервером.`,
  supplierNotFound: 'Поставщик строки платежа не найден на сервере.',
  serverUnavailable: (seconds: number) =>
    seconds > 0
      ? `Сервер временно недоступен: синхронизация повторится через ${seconds} с.`
      : 'Сервер временно недоступен: синхронизация повторится позже.',
} as const

/** Appended to a local account's number when the server gave that number to another account. */
export const duplicateNumberSuffix = '-ДУБЛЬ'
