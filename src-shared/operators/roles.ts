export const roles = ['clerk', 'cashier', 'supervisor', 'admin'] as const
export type Role = (typeof roles)[number]

/** Every logged-in operator, whatever the role. */
export const anyOperator: readonly Role[] = roles
