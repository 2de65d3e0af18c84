import type { FiscalData } from '../../../src-shared/cash-register/register'
import type {
  CancellationReceiptInput,
  PaymentReceiptInput,
} from '../../../src-shared/documents/receipt'

export const fiscal: FiscalData = {
  registerNumber: '0001234567012345',
  fiscalDriveNumber: '7281440500123456',
  fiscalDocumentNumber: '4521',
  fiscalSign: '3029471856',
  qrText: 't=20261120T1405&s=2345.67&fn=7281440500123456&i=4521&fp=3029471856&n=1',
}

/** A cash payment of electricity (ours) and heating (another supplier), 14:05 Moscow time. */
export const cashPayment: PaymentReceiptInput = {
  company: { name: 'АО «Тверьэнергосбыт»', inn: '6901067107' },
  officeAddress: '171252, Тверская обл., г. Конаково, ул. Энергетиков, д. 12',
  timeZone: 'Europe/Moscow',
  receiptNumber: 'KN1-1042',
  paidAt: '2026-11-20T11:05:00.000Z',
  cashier: 'Смирнова Ольга Петровна',
  accountNumber: '690012345',
  payer: 'Иванов Иван Иванович',
  address: 'Тверская обл., г. Конаково, ул. Ленина, д. 5, кв. 12',
  lines: [
    { service: 'electricity', supplierName: 'АО «Тверьэнергосбыт»', amount: 123_456 },
    { service: 'hot_water', supplierName: 'ООО «Конаковская тепловая компания»', amount: 0 },
    {
      service: 'heating',
      serviceName: 'Отопление (центральное)',
      supplierName: 'ООО «Конаковская тепловая компания»',
      amount: 111_111,
    },
  ],
  method: 'cash',
  cashGiven: 250_000,
}

export const cardPayment: PaymentReceiptInput = {
  ...cashPayment,
  receiptNumber: 'KN1-1043',
  method: 'card',
  cashGiven: null,
  cardReference: '632145098712',
  fiscal,
}

export const cancellation: CancellationReceiptInput = {
  company: cashPayment.company,
  officeAddress: cashPayment.officeAddress,
  timeZone: 'Europe/Moscow',
  receiptNumber: 'KN1-1050',
  cancelledAt: '2026-11-20T21:30:00.000Z',
  originalReceiptNumber: 'KN1-1042',
  originalPaidAt: cashPayment.paidAt,
  supervisor: 'Петров Петр Петрович',
  reason: 'Ошибка в номере лицевого счета',
  accountNumber: cashPayment.accountNumber,
  payer: cashPayment.payer,
  address: cashPayment.address,
  lines: cashPayment.lines,
  method: 'cash',
}
