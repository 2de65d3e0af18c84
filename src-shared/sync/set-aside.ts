/**
 * Local facts set aside when the server's row took their place (see src-main/sync/set-aside.ts):
 * what the sync screen says about each, in Russian.
 */

/** Why a row left its table, by the unique column the server's row holds ("table.column"). */
const displacedBy: Record<string, string> = {
  'payment_cancellations.payment_id': 'На сервере этот платеж уже отменен другой отменой.',
  'payment_cancellations.receipt_number': 'На сервере этот номер чека уже у другой отмены.',
  'payments.receipt_number': 'На сервере этот номер чека уже у другого платежа.',
  'reading_deletions.reading_id': 'На сервере это показание уже удалено другим удалением.',
  refused_at_once: 'Сервер сразу отклонил отмену: деньги не выдавались.',
}

/** The sync screen's reason for a set-aside row whose command the server has not answered. */
export function setAsideReason(constraint: string): string {
  return (
    displacedBy[constraint] ??
    `На сервере уже есть другая запись с тем же значением (${constraint}).`
  )
}

/** What kind of fact a set-aside row was, as the clerk calls it. */
export const setAsideKinds: Record<string, string> = {
  payment_cancellations: 'Отмена платежа',
  payments: 'Платеж',
  reading_deletions: 'Удаление показания',
}

export function setAsideKind(table: string): string {
  return setAsideKinds[table] ?? table
}
