import type { z } from 'zod'
import { validate } from '../../src-shared/api/validation'
import { ApiFailure } from '../api/failure'

/** The arguments checked again inside the transaction (today, the old meter), or a refusal. */
export function checked<S extends z.ZodType>(schema: S, args: unknown): z.output<S> {
  const result = validate(schema, args)
  if (!result.ok) throw new ApiFailure('invalid_input', result.error.message, result.error.fields)
  return result.value
}
