export const relations = ['owner', 'tenant', 'registered', 'resident'] as const
export type Relation = (typeof relations)[number]

export const services = ['electricity', 'hot_water', 'heating', 'common_needs'] as const
export type Service = (typeof services)[number]

export const tariffGroups = ['urban_gas', 'urban_electric', 'rural_gas', 'rural_electric'] as const
export type TariffGroup = (typeof tariffGroups)[number]

export const consentKinds = ['paper_bill', 'email_bill', 'sms', 'email_info'] as const
export type ConsentKind = (typeof consentKinds)[number]

export type AccountStatus = 'open' | 'closed'

export interface Address {
  region: string
  settlement: string
  street: string
  house: string
  building: string | null
  flat: string | null
}

/** The address's fields as the forms and the history name them. */
export const addressFieldNames: Readonly<Record<keyof Address, string>> = {
  region: 'Регион',
  settlement: 'Населенный пункт',
  street: 'Улица',
  house: 'Дом',
  building: 'Корпус',
  flat: 'Квартира',
}

/** "Тверская обл., г. Конаково, ул. Ленина, д. 5, корп. 1, кв. 12" */
export function formatAddress(a: Address): string {
  const parts = [a.region, a.settlement, a.street, `д. ${a.house}`]
  if (a.building) parts.push(`корп. ${a.building}`)
  if (a.flat) parts.push(`кв. ${a.flat}`)
  return parts.filter((p) => p.trim() !== '').join(', ')
}

export interface PersonName {
  lastName: string
  firstName: string
  middleName: string | null
}

/** A person's name and contacts as the forms and the history name them. */
export const personFieldNames: Readonly<Record<keyof PersonName | 'phone' | 'email', string>> = {
  lastName: 'Фамилия',
  firstName: 'Имя',
  middleName: 'Отчество',
  phone: 'Телефон',
  email: 'Эл. почта',
}

export function formatFullName(p: PersonName): string {
  return [p.lastName, p.firstName, p.middleName].filter(Boolean).join(' ')
}
