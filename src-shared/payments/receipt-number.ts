/** `<workstation prefix>-<counter>`: unique without asking the server, never reused. */
export function receiptNumber(prefix: string, counter: number): string {
  if (!Number.isSafeInteger(counter) || counter < 1)
    throw new Error(`bad receipt counter: ${counter}`)
  return `${prefix}-${counter}`
}
