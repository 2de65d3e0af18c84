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
} as const

/** Appended to a local account's number when the server gave that number to another account. */
export const duplicateNumberSuffix = '-ДУБЛЬ'
