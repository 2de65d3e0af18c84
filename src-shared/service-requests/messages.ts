/** The server's refusals of service request and appeal commands, as the Sync screen shows them. */
export const requestMessages = {
  accountClosed: 'Лицевой счет закрыт: заявку не зарегистрировать.',
  meterNotFound: 'Счетчик: не найден на этом счете.',
  notInPriceList: 'Вид заявки: нет в прейскуранте на день заявки.',
  notFound: 'Заявка не найдена на сервере.',
  cannotMove: 'Состояние заявки: такой переход не допускается.',
  alreadyCalledBack: 'Заявка: обратный звонок уже отмечен.',
  foreignNumber: (n: string) => `Номер ${n}: не из серии этого рабочего места.`,
  appealNotFound: 'Обращение не найдено на сервере.',
  appealCannotMove: 'Состояние обращения: такой переход не допускается.',
  attachmentMismatch: (name: string) =>
    `Файл «${name}»: на сервере другой размер или тип, чем в обращении.`,
  /** Transient: the push stops and the file goes up first on the next run. */
  attachmentMissing: (name: string) => `Файл «${name}» еще не получен сервером.`,
  attachmentIds: 'Вложения: число идентификаторов не совпадает с числом файлов.',
  priceLatest: (d: string) => `Действует с: позже ${d}, даты последней цены.`,
} as const
