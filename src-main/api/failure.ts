import type { ApiError, ErrorCode } from '../../src-shared/api/result'

/** Thrown by a handler to answer with a clear Russian message instead of a value. */
export class ApiFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message)
  }

  /** A bad value of one field: the form shows the message under it. */
  static field(field: string, message: string): ApiFailure {
    return new ApiFailure('invalid_input', message, { [field]: message })
  }

  toApiError(): ApiError {
    return {
      code: this.code,
      message: this.message,
      ...(this.fields ? { fields: this.fields } : {}),
    }
  }
}
