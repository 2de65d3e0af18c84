export const paymentMethods = ['cash', 'card', 'transfer'] as const
export type PaymentMethod = (typeof paymentMethods)[number]

export const paymentChannels = ['office', 'bank', 'portal', 'post'] as const
export type PaymentChannel = (typeof paymentChannels)[number]
