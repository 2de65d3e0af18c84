/**
 * Every action the audit log records, one definition each: its Russian name (the history, the
 * Sync screen, «Кто смотрел», the activity report's .xlsx built in main, so not through
 * vue-i18n) and, for a read of a customer's personal data, whether the history shows it too.
 * A new audit action is one line here; writing an action not defined here does not compile.
 */
interface AuditActionDefinition {
  name: string
  /**
   * A read (or export) of a customer's personal data (DOMAIN "Personal data"): listed in «Кто
   * смотрел». `history`: the read is also a fact of the account's or operator's history (the
   * card's view, a print, an export); the other reads (forms, lists, other histories) are not.
   */
  personalData?: { history: boolean }
}

const read = { personalData: { history: false } } as const
const shownRead = { personalData: { history: true } } as const

export const auditActions = {
  'account.view': { name: 'Просмотр карточки счета', ...shownRead },
  'account.form': { name: 'Просмотр формы счета', ...read },
  'account.history': { name: 'Просмотр истории счета', ...read },
  'payment.proposal': { name: 'Просмотр суммы к оплате', ...read },
  'payment.history': { name: 'Просмотр истории платежей', ...read },
  'reading.entry': { name: 'Просмотр счета для ввода показаний', ...read },
  'reading.history': { name: 'Просмотр истории показаний', ...read },
  'notifications.list': { name: 'Просмотр списка предупреждений', ...read },
  'document.view': { name: 'Просмотр документа', ...read },
  'document.print': { name: 'Печать документа', ...shownRead },
  'report.view': { name: 'Просмотр отчета с персональными данными', ...read },
  'report.export': { name: 'Выгрузка отчета', ...shownRead },
  'document.batch': { name: 'Печать квитанций пачкой' },

  'session.login': { name: 'Вход в программу' },
  'session.login_failed': { name: 'Неверный пароль при входе' },
  'session.login_locked': { name: 'Вход отложен после неверных паролей' },
  'session.logout': { name: 'Выход из программы' },
  'session.ended_by_server': { name: 'Сеанс завершен сервером' },
  'session.unlock': { name: 'Разблокировка экрана' },
  'session.unlock_failed': { name: 'Неверный пароль при разблокировке' },
  'session.unlock_locked': { name: 'Разблокировка отложена после неверных паролей' },
  'supervisor.confirm_failed': { name: 'Неверный пароль старшего смены' },
  'supervisor.confirm_locked': { name: 'Подтверждение старшего отложено после неверных паролей' },

  'account.register': { name: 'Открытие лицевого счета' },
  'account.edit': { name: 'Изменение лицевого счета' },
  'account.linkPerson': { name: 'Добавление лица к счету' },
  'account.unlinkPerson': { name: 'Исключение лица из счета' },
  'account.recordConsent': { name: 'Согласие или отказ клиента' },
  'account.close': { name: 'Закрытие лицевого счета' },
  'meter.install': { name: 'Установка счетчика' },
  'meter.replace': { name: 'Замена счетчика' },
  'meter.remove': { name: 'Снятие счетчика' },
  'reading.submit': { name: 'Ввод показаний' },
  'reading.delete': { name: 'Удаление показания' },
  'payment.record': { name: 'Прием платежа' },
  'payment.cancel': { name: 'Отмена платежа' },
  'payment.reassign': { name: 'Перенос платежа на другой счет' },
  'shift.open': { name: 'Открытие смены' },
  'shift.close': { name: 'Закрытие смены' },
  'serviceRequest.register': { name: 'Регистрация заявки' },
  'serviceRequest.change': { name: 'Изменение состояния заявки' },
  'serviceRequest.callBack': { name: 'Обратный звонок по заявке' },
  'appeal.register': { name: 'Регистрация обращения' },
  'appeal.change': { name: 'Изменение состояния обращения' },
  'priceList.set': { name: 'Новая цена в прейскуранте' },
  'tariff.set': { name: 'Новый тариф' },
  'supplier.create': { name: 'Новый поставщик' },
  'supplier.edit': { name: 'Изменение поставщика' },
  'office.create': { name: 'Новый офис' },
  'office.edit': { name: 'Изменение офиса' },
  'operator.create': { name: 'Новый оператор' },
  'operator.edit': { name: 'Изменение оператора' },
  'setting.set': { name: 'Изменение настройки' },

  'sync.resolve': { name: 'Разбор отклоненной команды' },
  'sync.reviewShift': { name: 'Проверка расхождения итогов смены' },
  'sync.changeServer': { name: 'Смена адреса сервера' },
} as const satisfies Record<string, AuditActionDefinition>

export type AuditAction = keyof typeof auditActions
export const auditActionKeys = Object.keys(auditActions) as AuditAction[]

function isAuditAction(action: string): action is AuditAction {
  return Object.hasOwn(auditActions, action)
}

/** The Russian name of an action code, or null for one not defined (an older or newer app's). */
export function auditActionName(action: string): string | null {
  return isAuditAction(action) ? auditActions[action].name : null
}

/** The action's name; an unknown one shows its code. */
export function actionName(action: string): string {
  return auditActionName(action) ?? action
}

function readsWhere(inHistory: (history: boolean) => boolean): AuditAction[] {
  return auditActionKeys.filter((a) => {
    const def: AuditActionDefinition = auditActions[a]
    return def.personalData !== undefined && inHistory(def.personalData.history)
  })
}

/** Audit actions that touch customers' personal data: who viewed or exported what. */
export const personalDataActions: readonly AuditAction[] = readsWhere(() => true)

/** Reads of personal data the history leaves out (they are for «Кто смотрел»). */
export const readsNotInHistory: readonly AuditAction[] = readsWhere((history) => !history)
