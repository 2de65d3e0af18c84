import type { AccountFields } from '../../../src-shared/accounts/changes'
import {
  services as serviceCodes,
  type Relation,
  type Service,
  type TariffGroup,
} from '../../../src-shared/accounts/domain'
import { accountNumberIssue } from '../../../src-shared/accounts/number-format'
import {
  registerAccountSchema,
  type RegisterAccountInput,
} from '../../../src-shared/accounts/schemas'
import type { AccountFormOptions } from '../../../src-shared/accounts/types'
import { validate } from '../../../src-shared/api/validation'

/** What the form's inputs hold: text as typed, so nothing typed is lost to a failed parse. */
export interface AccountDraft {
  number: string
  els: string
  officeId: string
  lastName: string
  firstName: string
  middleName: string
  phone: string
  email: string
  relation: Relation
  region: string
  settlement: string
  street: string
  house: string
  building: string
  flat: string
  totalArea: string
  livingArea: string
  rooms: string
  residents: string
  tariffGroup: TariffGroup
  services: Record<Service, { on: boolean; supplierId: string }>
  notes: string
}

export type DraftKey = Exclude<keyof AccountDraft, 'services'>

/** The error key (schema path) of each input. */
export const errorKeyOf: Record<DraftKey | 'services', string> = {
  number: 'number',
  els: 'els',
  officeId: 'officeId',
  lastName: 'holder.lastName',
  firstName: 'holder.firstName',
  middleName: 'holder.middleName',
  phone: 'holder.phone',
  email: 'holder.email',
  relation: 'relation',
  region: 'address.region',
  settlement: 'address.settlement',
  street: 'address.street',
  house: 'address.house',
  building: 'address.building',
  flat: 'address.flat',
  totalArea: 'totalArea',
  livingArea: 'livingArea',
  rooms: 'rooms',
  residents: 'residents',
  tariffGroup: 'tariffGroup',
  services: 'services',
  notes: 'notes',
}

function servicesDraft(
  list: { service: Service; supplierId: string }[],
  fallbackSupplier: string,
): AccountDraft['services'] {
  return Object.fromEntries(
    serviceCodes.map((code) => {
      const chosen = list.find((s) => s.service === code)
      return [code, { on: Boolean(chosen), supplierId: chosen?.supplierId ?? fallbackSupplier }]
    }),
  ) as AccountDraft['services']
}

/** A blank registration: this office, electricity from the first supplier, the holder owns it. */
export function emptyDraft(options: AccountFormOptions): AccountDraft {
  const supplier = options.suppliers[0]?.id ?? ''
  return {
    number: '',
    els: '',
    officeId: options.defaultOfficeId ?? options.offices[0]?.id ?? '',
    lastName: '',
    firstName: '',
    middleName: '',
    phone: '',
    email: '',
    relation: 'owner',
    region: '',
    settlement: '',
    street: '',
    house: '',
    building: '',
    flat: '',
    totalArea: '',
    livingArea: '',
    rooms: '',
    residents: '',
    tariffGroup: 'urban_gas',
    services: servicesDraft(
      supplier ? [{ service: 'electricity', supplierId: supplier }] : [],
      supplier,
    ),
    notes: '',
  }
}

const areaText = (v: string | null) => (v ?? '').replace('.', ',')

/** The stored fields shown for editing. */
export function draftFromFields(f: AccountFields, options: AccountFormOptions): AccountDraft {
  return {
    number: f.number,
    els: f.els ?? '',
    officeId: f.officeId,
    lastName: f.holder.lastName,
    firstName: f.holder.firstName,
    middleName: f.holder.middleName ?? '',
    phone: f.holder.phone ?? '',
    email: f.holder.email ?? '',
    relation: f.relation,
    region: f.address.region,
    settlement: f.address.settlement,
    street: f.address.street,
    house: f.address.house,
    building: f.address.building ?? '',
    flat: f.address.flat ?? '',
    totalArea: areaText(f.totalArea),
    livingArea: areaText(f.livingArea),
    rooms: f.rooms === null || f.rooms === undefined ? '' : String(f.rooms),
    residents: String(f.residents),
    tariffGroup: f.tariffGroup,
    services: servicesDraft(f.services, options.suppliers[0]?.id ?? ''),
    notes: f.notes ?? '',
  }
}

const orNull = (v: string) => (v.trim() === '' ? null : v)
/** "" is no value; anything else goes to the schema as a number, so "2,5" is named, not dropped. */
const count = (v: string) => (v.trim() === '' ? undefined : Number(v.trim().replace(',', '.')))

/** The draft as the shared schema's input. */
export function draftToInput(d: AccountDraft): RegisterAccountInput {
  return {
    number: d.number,
    els: orNull(d.els),
    officeId: d.officeId,
    holder: {
      lastName: d.lastName,
      firstName: d.firstName,
      middleName: orNull(d.middleName),
      phone: orNull(d.phone),
      email: orNull(d.email.trim()),
    },
    relation: d.relation,
    address: {
      region: d.region,
      settlement: d.settlement,
      street: d.street,
      house: d.house,
      building: orNull(d.building),
      flat: orNull(d.flat),
    },
    totalArea: orNull(d.totalArea),
    livingArea: orNull(d.livingArea),
    rooms: d.rooms.trim() === '' ? null : count(d.rooms),
    residents: count(d.residents) as number,
    tariffGroup: d.tariffGroup,
    services: serviceCodes
      .filter((code) => d.services[code].on)
      .map((code) => ({ service: code, supplierId: d.services[code].supplierId })),
    notes: orNull(d.notes),
  }
}

/**
 * The shared schema's verdict on the draft plus the company's number format: the same rules the
 * handler applies, so the clerk sees each error while typing.
 */
export function checkDraft(
  d: AccountDraft,
  options: AccountFormOptions | null,
): { value: AccountFields | null; errors: Record<string, string> } {
  const result = validate(registerAccountSchema, draftToInput(d))
  const errors = result.ok ? {} : { ...(result.error.fields ?? {}) }
  if (result.ok && options) {
    const issue = accountNumberIssue(result.value.number, options.numberFormat)
    if (issue) errors.number = issue
  }
  return { value: result.ok && Object.keys(errors).length === 0 ? result.value : null, errors }
}
