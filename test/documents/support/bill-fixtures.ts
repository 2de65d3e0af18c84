import type { BillInput } from '../../../src-shared/documents/bill'

/** A November bill: electricity (two zones) from us, heating from the heat company. */
export const billInput: BillInput = {
  period: '2026-11',
  documentNumber: '690012345-202611',
  els: '12АБ345678',
  accountNumber: '690012345',
  payer: { lastName: 'Иванов', firstName: 'Иван', middleName: 'Иванович' },
  address: 'Тверская обл., г. Конаково, ул. Ленина, д. 5, кв. 12',
  totalArea: '54.3',
  residents: 3,
  suppliers: [
    {
      id: 'sup-1',
      name: 'АО «Тверьэнергосбыт»',
      inn: '6901067107',
      kpp: '695001001',
      bankAccount: '40702810863000001234',
      bankName: 'Тверское отделение № 8607 ПАО Сбербанк',
      bic: '042809679',
      correspondentAccount: '30101810700000000679',
      phone: '+7 4822 00-00-00',
    },
    {
      id: 'sup-2',
      name: 'ООО «Конаковская тепловая компания»',
      inn: '6911012345',
      kpp: '691101001',
      bankAccount: '40702810400000004321',
      bankName: 'АО «Россельхозбанк»',
      bic: '044525111',
      correspondentAccount: '30101810200000000111',
      phone: null,
    },
  ],
  services: [
    {
      service: 'electricity',
      supplierId: 'sup-1',
      unit: 'кВт·ч',
      opening: 150_000,
      paid: 100_000,
      lines: [
        {
          kind: 'charge',
          volume: '180',
          basis: 'meter',
          rateMillikopecks: 631_000,
          amount: 113_580,
        },
        { kind: 'charge', volume: '90', basis: 'meter', rateMillikopecks: 352_500, amount: 31_725 },
        {
          kind: 'recalculation',
          volume: null,
          basis: null,
          rateMillikopecks: null,
          amount: -2_000,
        },
        { kind: 'penalty', volume: null, basis: null, rateMillikopecks: null, amount: 317 },
      ],
    },
    {
      service: 'heating',
      supplierId: 'sup-2',
      unit: 'Гкал',
      opening: 0,
      paid: 0,
      lines: [
        {
          kind: 'charge',
          volume: '1.2345',
          basis: 'norm',
          rateMillikopecks: 250_000_000,
          amount: 308_625,
        },
      ],
    },
  ],
  meters: [
    {
      number: '011234567',
      serviceName: 'Электроэнергия',
      zone: 'T1',
      previous: '2835',
      current: '3015',
      nextVerification: '2031-05-01',
    },
  ],
  dueDate: '2026-12-15',
  lastPaymentDate: '2026-11-12',
  readingCutoffDay: 25,
  duplicate: false,
}
