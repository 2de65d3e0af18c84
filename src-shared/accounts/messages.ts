/** Russian messages of the account commands, the same on the workstation and the server. */
export const accountMessages = {
  /** Someone saved the account after the clerk opened the form: no silent overwrite. */
  versionConflict: (who: string | null, when: string | null) =>
    `Счет уже изменил${who ? ` ${who}` : 'и'}${when ? ` ${when}` : ''}, после того как вы открыли форму. ` +
    'Ваши изменения не сохранены: загрузите текущие данные, проверьте и сохраните снова.',
  closed: 'Счет закрыт: изменения не принимаются.',
  alreadyClosed: (date: string | null) => `Счет уже закрыт${date ? ` ${date}` : ''}.`,
  nothingChanged: 'Изменений нет: сохранять нечего.',
  personMissing: 'Лицо: выберите абонента или введите фамилию и имя.',
  personIsHolder: 'Лицо: это владелец счета, он уже связан со счетом.',
  personAlreadyLinked: 'Лицо: уже связано с этим счетом.',
  customerNotFound: 'Абонент не найден.',
  linkNotFound: 'Связанное лицо не найдено у этого счета.',
} as const
