// Application errors carry a code; the HTTP layer alone decides the status (see http/errors.ts).
import type { ErrorCode } from '../shared/errors.js';

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly details?: unknown,
  ) {
    super(message ?? code);
    this.name = 'AppError';
  }
}

/** A 400 about one field, in the same shape as schema validation errors. */
export function fieldError(field: string, reason: string, code: ErrorCode = 'VALIDATION_FAILED'): AppError {
  return new AppError(code, `${field}: ${reason}`, { fields: [{ path: field, message: reason }] });
}
