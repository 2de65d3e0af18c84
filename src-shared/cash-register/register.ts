import type { PaymentMethod } from '../payments/domain'

/** The fields an online cash register (54-FZ) reports for a fiscal receipt. */
export interface FiscalData {
  /** Registration number of the register (РН ККТ). */
  registerNumber: string
  /** Fiscal drive serial number (ФН). */
  fiscalDriveNumber: string
  /** Fiscal document number (ФД). */
  fiscalDocumentNumber: string
  /** Fiscal sign of the document (ФП). */
  fiscalSign: string
  /** The receipt's QR code text (t=...&s=...&fn=...), when the register gives it. */
  qrText?: string | null
}

export interface FiscalLine {
  /** What the receipt line says, e.g. "Электроэнергия (АО «Энергосбыт»)". */
  name: string
  amount: number
}

/** A sale (a payment) or a refund (its cancellation) as the register needs it. */
export interface FiscalOperation {
  /** Our receipt number, so the register's document can be matched to it. */
  receiptNumber: string
  /** ISO instant of the payment or cancellation. */
  at: string
  method: PaymentMethod
  lines: readonly FiscalLine[]
  total: number
  /** Cash handed over, for cash sales; null otherwise. */
  cashGiven: number | null
  cashier: string
}

/**
 * The adapter to a cash register. A real one talks to a device, so calls are async; it
 * rejects with an Error whose message (Russian) can be shown when the device fails.
 * Null means the operation was done without fiscal data (no register in this office).
 */
export interface CashRegister {
  readonly kind: string
  registerSale(sale: FiscalOperation): Promise<FiscalData | null>
  registerRefund(refund: FiscalOperation): Promise<FiscalData | null>
}

/** An office without a cash register: nothing is fiscalised, receipts print without the block. */
export const noRegister: CashRegister = {
  kind: 'none',
  registerSale: () => Promise.resolve(null),
  registerRefund: () => Promise.resolve(null),
}
