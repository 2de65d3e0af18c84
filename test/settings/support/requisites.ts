/** A supplier's requisites that pass every check: Sberbank's own, check digits and all. */
export const sberbank = {
  name: 'Публичное акционерное общество «Сбербанк России»',
  shortName: 'ПАО Сбербанк',
  inn: '7707083893',
  kpp: '773601001',
  bankAccount: '40702810038000017240',
  bankName: 'ПАО Сбербанк',
  bic: '044525225',
  correspondentAccount: '30101810400000000225',
}
