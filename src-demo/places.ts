/** The geography of the demo branch: one district of Tver oblast, its towns, villages and streets. */

export const region = 'Тверская обл.'

export const branch = { code: 'KNK', name: 'Конаковский филиал' } as const

export interface OfficePlace {
  name: string
  address: string
  phone: string
  workstation: string
  receiptPrefix: string
}

export const officePlaces: readonly OfficePlace[] = [
  {
    name: 'Офис обслуживания г. Конаково',
    address: 'Тверская обл., г. Конаково, ул. Энергетиков, д. 17',
    phone: '+74824243010',
    workstation: 'Конаково, окно 1',
    receiptPrefix: 'KN1',
  },
  {
    name: 'Офис обслуживания пгт Редкино',
    address: 'Тверская обл., пгт Редкино, ул. Калинина, д. 9',
    phone: '+74824238215',
    workstation: 'Редкино, окно 1',
    receiptPrefix: 'RD1',
  },
  {
    name: 'Офис обслуживания пгт Новозавидовский',
    address: 'Тверская обл., пгт Новозавидовский, ул. Моховая, д. 12',
    phone: '+74824237120',
    workstation: 'Новозавидовский, окно 1',
    receiptPrefix: 'NZ1',
  },
]

/** town: apartment blocks and some houses; urban: a workers' settlement; village: houses only. */
export type SettlementKind = 'town' | 'urban' | 'village'

export interface Settlement {
  name: string
  kind: SettlementKind
  /** Share of the branch's accounts. */
  weight: number
  /** Index into officePlaces: the office that serves it. */
  office: number
  /** Streets of apartment blocks (towns and urban settlements). */
  blockStreets: readonly string[]
  /** Streets of private houses. */
  houseStreets: readonly string[]
}

const list = (s: string) =>
  s
    .split(';')
    .map((x) => x.trim())
    .filter(Boolean)

const villageStreets = list(`ул. Центральная; ул. Полевая; ул. Садовая; ул. Лесная; ул. Новая;
  ул. Школьная; ул. Заречная; ул. Молодежная; ул. Луговая; пер. Речной; ул. Солнечная; ул. Береговая`)

function village(name: string, weight: number, office: number, streets: number): Settlement {
  // Each village has the first few of the usual village street names, rotated by its name.
  const shift = name.length % villageStreets.length
  const own = [...villageStreets.slice(shift), ...villageStreets.slice(0, shift)].slice(0, streets)
  return { name, kind: 'village', weight, office, blockStreets: [], houseStreets: own }
}

export const settlements: readonly Settlement[] = [
  {
    name: 'г. Конаково',
    kind: 'town',
    weight: 46,
    office: 0,
    blockStreets: list(`ул. Энергетиков; ул. Ленина; ул. Гагарина; ул. Строителей; ул. Свердлова;
      ул. Горького; ул. Баскакова; ул. Васильковского; ул. Первомайская; ул. Учебная;
      ул. Пушкина; ул. Революции; ул. Набережная Волги; ул. Бауманская; ул. Маяковского;
      б-р Молодежный`),
    houseStreets: list(`ул. Александровка; ул. Советская; ул. Октябрьская; ул. Волжская;
      ул. Зеленая; ул. Рабочая; пер. Спортивный; пер. Торговый; ул. Карла Маркса`),
  },
  {
    name: 'пгт Редкино',
    kind: 'urban',
    weight: 13,
    office: 1,
    blockStreets: list('ул. Калинина; ул. Химиков; ул. Правды; ул. Мира; ул. Гагарина'),
    houseStreets: list('ул. Заводская; ул. Садовая; ул. Школьная; пер. Лесной; ул. Чапаева'),
  },
  {
    name: 'пгт Новозавидовский',
    kind: 'urban',
    weight: 10,
    office: 2,
    blockStreets: list('ул. Моховая; ул. Советская; ул. Фрунзе; ул. Пионерская'),
    houseStreets: list('ул. Шоссейная; ул. Вокзальная; ул. Южная; ул. Кооперативная'),
  },
  {
    name: 'пгт Козлово',
    kind: 'urban',
    weight: 5,
    office: 2,
    blockStreets: list('ул. Центральная; ул. Мира'),
    houseStreets: list('ул. Лесная; ул. Новая; ул. Полевая'),
  },
  {
    name: 'пгт Изоплит',
    kind: 'urban',
    weight: 3,
    office: 1,
    blockStreets: list('ул. Ленина; ул. Заводская'),
    houseStreets: list('ул. Березовая; ул. Дачная'),
  },
  village('с. Завидово', 4, 2, 8),
  village('с. Городня', 3, 0, 6),
  village('с. Дмитрова Гора', 3, 0, 5),
  village('д. Мокшино', 2, 2, 4),
  village('с. Вахонино', 2, 1, 4),
  village('д. Селихово', 2, 0, 5),
  village('с. Юрьево-Девичье', 2, 0, 4),
  village('д. Устье', 1, 0, 3),
  village('с. Старое Мелково', 2, 0, 5),
  village('д. Плоски', 2, 2, 4),
]

// More streets for a settlement that has run out of house numbers on its own (large demo runs).
const feminineStreetNames = list(`Садовая; Полевая; Лесная; Новая; Школьная; Заречная; Молодежная;
  Луговая; Солнечная; Береговая; Цветочная; Сиреневая; Вишневая; Рябиновая; Березовая; Сосновая;
  Дачная; Северная; Южная; Трудовая; Колхозная; Комсомольская; Пролетарская; Октябрьская;
  Первомайская; Речная; Озерная; Родниковая; Парковая; Весенняя; Дорожная; Нагорная`)
const genitiveStreetNames = list(`Мира; Победы; Гагарина; Кирова; Чкалова; Пушкина; Лермонтова;
  Чехова; Некрасова; Маяковского; Есенина; Жукова; Калинина; Фрунзе; Чапаева; Щорса; Тургенева;
  Гоголя; Суворова; Кутузова; Титова; Островского; Белинского; Крупской; Космонавтов; Строителей;
  Энтузиастов; Пионеров; Механизаторов; Связистов; Мичурина; Ломоносова; Менделеева; Циолковского`)

/** Further street names, in a fixed order, for when a settlement's own streets are full. */
export const extraStreets: readonly string[] = [
  ...feminineStreetNames.map((n) => `ул. ${n}`),
  ...genitiveStreetNames.map((n) => `ул. ${n}`),
  ...genitiveStreetNames.map((n) => `пер. ${n}`),
  ...genitiveStreetNames.map((n) => `проезд ${n}`),
]
