import type { Relation, Service, TariffGroup } from '../src-shared/accounts/domain'
import type { AddressBook, Premises } from './addresses'
import { isoDate, officeInstant } from './calendar'
import type { GenContext } from './context'
import { paymentChannels, readingSources, simulateHistory, type PayerKind } from './history'
import { electricityMeter, hotWaterMeter, type MeterContext, type MeterPlan } from './meters'
import { latin, personName, surnameBase, type PersonName, type Sex } from './names'
import { region } from './places'
import { mixSeed, permute, Rng } from './rng'
import type { AccountPersonRow, AccountRow, ConsentRow, CustomerRow, DemoAccount } from './types'

/** Letters an ELS may carry besides digits (the ones that look alike in Cyrillic and Latin are left out). */
const elsLetters = 'АБВГДЖИКЛМНПРСТУ'

/** Account numbers: region 69 and 8 digits, unique for index < 10^8 but not sequential. */
export function accountNumber(seed: number, index: number): string {
  return `69${String(permute(index, 10_000, mixSeed(seed, 7))).padStart(8, '0')}`
}

/** ELS: region 69, two letters, six digits; unique for index < 256 * 10^6. */
export function elsNumber(seed: number, index: number): string {
  const k = permute(index, 16_000, mixSeed(seed, 11))
  const letters = Math.floor(k / 1_000_000)
  return `69${elsLetters[letters >> 4]}${elsLetters[letters & 15]}${String(k % 1_000_000).padStart(6, '0')}`
}

function mobile(rng: Rng): string {
  return `+79${rng.pick(['01', '03', '05', '06', '09', '10', '15', '16', '19', '20', '26', '29', '36', '52', '54', '60', '62', '66', '77', '85', '96', '99'])}${rng.digits(7)}`
}

function phoneFor(rng: Rng, premises: Premises): string | null {
  if (!rng.chance(0.88)) return null
  // A landline of the Konakovo exchange for some town households, a mobile for the rest.
  if (premises.settlement.kind !== 'village' && rng.chance(0.12)) return `+748242${rng.digits(5)}`
  return mobile(rng)
}

function emailFor(rng: Rng, name: PersonName): string | null {
  if (!rng.chance(0.25)) return null
  const local = rng.chance(0.5)
    ? `${latin(name.firstName)}.${latin(name.lastName)}`
    : `${latin(name.lastName)}${rng.int(55, 99)}`
  return `${local}${rng.chance(0.4) ? rng.int(1, 999) : ''}@${rng.pick(['mail.ru', 'yandex.ru', 'gmail.com', 'bk.ru', 'list.ru', 'rambler.ru'])}`
}

function tariffGroupOf(p: Premises): TariffGroup {
  if (p.settlement.kind === 'village') return p.electricStove ? 'rural_electric' : 'rural_gas'
  return p.electricStove ? 'urban_electric' : 'urban_gas'
}

/** Area in tenths of m2 and rooms: flats by the rooms they have, houses larger. */
function dwelling(rng: Rng, p: Premises): { rooms: number; area: number; living: number } {
  if (p.flat) {
    const rooms = rng.weighted<number>([
      [1, 30],
      [2, 40],
      [3, 25],
      [4, 5],
    ])
    const [lo, hi] = (
      [
        [0, 0],
        [280, 400],
        [420, 600],
        [560, 800],
        [700, 1000],
      ] as const
    )[rooms] as readonly [number, number]
    const area = rng.int(lo, hi)
    return { rooms, area, living: Math.floor((area * rng.int(55, 70)) / 100) }
  }
  const rooms = rng.int(2, 6)
  const area = rng.int(300 + rooms * 80, 600 + rooms * 220)
  return { rooms, area, living: Math.floor((area * rng.int(50, 70)) / 100) }
}

function areaText(tenths: number): string {
  return tenths % 10 === 0 ? String(tenths / 10) : `${Math.floor(tenths / 10)}.${tenths % 10}`
}

const closeReasons = [
  'Продажа жилья',
  'Смена собственника',
  'Переезд',
  'Смерть абонента',
  'Объединение лицевых счетов',
]

interface Person {
  name: PersonName
  phone: string | null
  relation: Relation
}

/** The holder's family on the account: a spouse, a grown-up child. */
function relatives(
  rng: Rng,
  holder: PersonName,
  holderRelation: Relation,
  base: string,
  premises: Premises,
): Person[] {
  const out: Person[] = []
  if (rng.chance(0.35)) {
    const sex: Sex = holder.sex === 'male' ? 'female' : 'male'
    out.push({
      name: personName(rng, sex, base),
      phone: rng.chance(0.5) ? mobile(rng) : null,
      relation: holderRelation === 'owner' && rng.chance(0.5) ? 'owner' : 'registered',
    })
  }
  if (rng.chance(0.12)) {
    out.push({
      name: personName(rng, rng.chance(0.5) ? 'male' : 'female', base),
      phone: rng.chance(0.6) ? mobile(rng) : null,
      relation: premises.flat && rng.chance(0.3) ? 'resident' : 'registered',
    })
  }
  return out
}

function consents(
  ctx: GenContext,
  rng: Rng,
  accountId: string,
  openedDay: number,
  hasEmail: boolean,
  hasPhone: boolean,
): ConsentRow[] {
  const out: ConsentRow[] = []
  const today = ctx.timeline.todayDay
  const add = (kind: ConsentRow['kind'], given: boolean, day: number) =>
    out.push({
      id: ctx.nextId(),
      accountId,
      kind,
      given,
      date: isoDate(day),
      operatorId: null,
      createdAt: officeInstant(day, rng.int(9 * 60, 17 * 60)),
    })
  const later = () => rng.int(openedDay, today - 1)
  if (rng.chance(0.92)) add('paper_bill', true, openedDay)
  if (hasEmail && rng.chance(0.6)) {
    const day = later()
    add('email_bill', true, day)
    // Moving to e-mail bills, some give up the paper one.
    if (out[0]?.kind === 'paper_bill' && rng.chance(0.4)) add('paper_bill', false, day)
  }
  if (hasPhone && rng.chance(0.45)) {
    const day = later()
    add('sms', true, day)
    if (rng.chance(0.05)) add('sms', false, rng.int(day, today - 1))
  }
  if (hasEmail && rng.chance(0.3)) add('email_info', true, later())
  return out
}

/** One account: its holder and family, premises, meters and the whole history. */
export function buildAccount(ctx: GenContext, addresses: AddressBook, index: number): DemoAccount {
  const rng = new Rng(mixSeed(ctx.seed, 1, index))
  const t = ctx.timeline
  const premises = addresses.next()
  const office = premises.settlement.office

  const holderSex: Sex = rng.chance(0.56) ? 'female' : 'male'
  const base = surnameBase(rng)
  const holderName = personName(rng, holderSex, base)
  const holderRelation = rng.weighted<Relation>([
    ['owner', premises.flat ? 84 : 95],
    ['tenant', premises.flat ? 11 : 1],
    ['registered', 5],
  ])
  const openedDay = t.startDay - rng.int(90, 27 * 365)
  const openedAt = officeInstant(openedDay, rng.int(9 * 60, 17 * 60))
  const holderPhone = phoneFor(rng, premises)
  const holderEmail = emailFor(rng, holderName)

  const customers: CustomerRow[] = []
  const customer = (p: PersonName, phone: string | null, email: string | null): CustomerRow => {
    const row = {
      id: ctx.nextId(),
      lastName: p.lastName,
      firstName: p.firstName,
      middleName: p.middleName,
      phone,
      email,
      createdAt: openedAt,
      updatedAt: openedAt,
    }
    customers.push(row)
    return row
  }
  const holder = customer(holderName, holderPhone, holderEmail)

  const accountId = ctx.nextId()
  const group = tariffGroupOf(premises)
  const { rooms, area, living } = dwelling(rng, premises)
  const metered = rng.chance(0.95)
  const residents = Math.max(
    metered ? 0 : 1,
    premises.flat
      ? rng.weighted<number>([
          [1, 25],
          [2, 35],
          [3, 22],
          [4, 13],
          [5, 5],
        ])
      : rng.weighted<number>([
          [0, 8],
          [1, 20],
          [2, 35],
          [3, 20],
          [4, 12],
          [5, 5],
        ]),
  )
  // Drawn whatever the outcome: the number of draws must not depend on the history's length.
  const closes = rng.chance(0.03)
  const closeAfter = rng.int(32, Math.max(32, t.periods.length * 30 - 20))
  const closedDay = closes && t.periods.length >= 2 ? t.startDay + closeAfter : null
  const closeReason = rng.pick(closeReasons)
  const closed = closedDay !== null

  const services: Service[] = ['electricity']
  if (premises.flat) services.push('common_needs')
  if (premises.districtHeating) services.push('hot_water', 'heating')
  const supplierServices = services.map((service) => ({
    service,
    supplierId: ctx.refs.supplierOf[service],
  }))

  const account: AccountRow = {
    id: accountId,
    number: accountNumber(ctx.seed, index),
    els: rng.chance(0.85) ? elsNumber(ctx.seed, index) : null,
    branchId: ctx.refs.branchId,
    officeId: (ctx.refs.offices[office] as GenContext['refs']['offices'][number]).id,
    holderId: holder.id,
    holderRelation,
    region,
    settlement: premises.settlement.name,
    street: premises.street,
    house: premises.house,
    building: premises.building,
    flat: premises.flat,
    totalArea: areaText(area),
    livingArea: areaText(living),
    rooms,
    residents,
    tariffGroup: group,
    status: closed ? 'closed' : 'open',
    closedAt: closed ? isoDate(closedDay as number) : null,
    closeReason: closed ? closeReason : null,
    notes: null,
    createdAt: openedAt,
    updatedAt: closed ? officeInstant(closedDay as number, 11 * 60) : openedAt,
    searchKey: index + 1,
  }

  const persons: AccountPersonRow[] = relatives(
    rng,
    holderName,
    holderRelation,
    base,
    premises,
  ).map((p) => {
    const c = customer(p.name, p.phone, null)
    return {
      id: ctx.nextId(),
      accountId,
      customerId: c.id,
      relation: p.relation,
      since: isoDate(rng.int(openedDay, t.todayDay - 1)),
    }
  })

  const meterCtx: MeterContext = {
    rng,
    numbers: ctx.numbers,
    accountId,
    nextId: ctx.nextId,
    todayDay: t.todayDay,
    startDay: t.startDay,
  }
  // kWh a month: a flat uses less than a house; an electric stove adds about half.
  const kwh =
    (premises.flat ? rng.int(80, 260) : rng.int(150, 400)) * (premises.electricStove ? 1.45 : 1)
  const electricMeters: MeterPlan[] = metered
    ? [electricityMeter(meterCtx, { house: !premises.flat, monthlyKwh: kwh })]
    : []
  const waterMeters: MeterPlan[] = []
  if (metered && services.includes('hot_water')) {
    const perPerson = 1.4 + rng.next() * 1.2
    const m3 = Math.min(8, Math.max(2, perPerson * Math.max(1, residents)))
    const kitchen = rng.chance(0.4)
    waterMeters.push(hotWaterMeter(meterCtx, 'санузел', kitchen ? m3 * 0.7 : m3))
    if (kitchen) waterMeters.push(hotWaterMeter(meterCtx, 'кухня', m3 * 0.3))
  }

  const habit = rng.weighted<PayerKind>([
    ['good', 78],
    ['late', 12],
    ['debtor', 10],
  ])
  // A closed account settled up when it was closed.
  const payer: PayerKind = closedDay !== null ? 'good' : habit
  const history = simulateHistory({
    ctx,
    rng,
    accountId,
    tariffGroup: group,
    services,
    areaTenths: area,
    residents,
    // As the period close reads them from the account row.
    openedOn: openedAt.slice(0, 10),
    closedOn: account.closedAt,
    office,
    supplierServices,
    electricMeters,
    waterMeters,
    payer,
    closedDay,
    readingHabit: rng.weighted(readingSources),
    paymentHabit: rng.weighted(paymentChannels),
  })

  const meters = [...electricMeters, ...waterMeters].map((m) =>
    closed
      ? { ...m.row, status: 'removed' as const, removedAt: isoDate(closedDay as number) }
      : m.row,
  )

  return {
    customers,
    account,
    persons,
    services: supplierServices.map((s) => ({ accountId, ...s })),
    consents: consents(ctx, rng, accountId, openedDay, holderEmail !== null, holderPhone !== null),
    meters,
    ...history,
  }
}
