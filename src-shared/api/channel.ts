import type { z } from 'zod'
import type { Role } from '../operators/roles'

export interface ChannelDef<I extends z.ZodType, O> {
  input: I
  /** 'public' channels need no session (login and the like). */
  roles: readonly Role[] | 'public'
  /** Channels still answered while the screen is locked. */
  whileLocked?: boolean
  /** Background calls (status polling) that must not count as the operator being active. */
  passive?: boolean
  /** Never set: carries the output type. */
  readonly output?: O
}

/** `channel<Output>()({ input, roles })`: the output type is given, the input inferred. */
export function channel<O>() {
  return <I extends z.ZodType>(def: ChannelDef<I, O>): ChannelDef<I, O> => def
}
