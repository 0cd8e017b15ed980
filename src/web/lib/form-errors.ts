// Field errors in words, from the shared zod schemas (checked in the browser) and from 400/409 responses (checked
// by the server), so both sides say the same thing. Texts come from the caller's namespace: `validation.*`
// (required, minLength, maxLength, email, invalid, plus any server reason code such as `invalid_tax_code`).
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { ApiError } from './api-client.js';

export type FieldErrors = Record<string, string>;

interface IssueLike {
  code?: string;
  message: string;
  minimum?: unknown;
  maximum?: unknown;
  origin?: string;
}

export interface ZodValidateOptions<V> {
  /** Turns the form values into what the schema expects (e.g. empty strings into nulls). */
  prepare?: (values: V) => unknown;
  /** A field whose length is fixed gets one sentence for both too short and too long: field → message key. */
  lengthMessages?: Record<string, string>;
}

function reasonText(
  t: TFunction,
  key: string,
  issue: IssueLike,
  lengthMessages: Record<string, string> = {},
) {
  // Server reasons look like `invalid_tax_code` or `unknown_field: housing`; the code is before the colon.
  const code = issue.message.split(':')[0]?.trim() ?? '';
  if (/^[a-z_]+$/.test(code)) {
    const known = t(`validation.${code}`, { defaultValue: '' });
    if (known) return known;
  }
  if ((issue.code === 'too_small' || issue.code === 'too_big') && issue.origin === 'string') {
    const fixed = lengthMessages[key];
    if (fixed) return t(fixed);
    if (issue.code === 'too_big') return t('validation.maxLength', { count: Number(issue.maximum) });
    return Number(issue.minimum) <= 1
      ? t('validation.required')
      : t('validation.minLength', { count: Number(issue.minimum) });
  }
  return /email/i.test(key) ? t('validation.email') : t('validation.invalid');
}

/** A validate function for @mantine/form built from a shared zod schema; the first problem of each field wins. */
export function zodValidate<V = unknown>(
  schema: z.ZodType,
  t: TFunction,
  options: ZodValidateOptions<V> = {},
) {
  return (values: V): FieldErrors => {
    const r = schema.safeParse(options.prepare ? options.prepare(values) : values);
    if (r.success) return {};
    const errors: FieldErrors = {};
    for (const issue of r.error.issues) {
      const key = issue.path.join('.');
      if (!errors[key]) errors[key] = reasonText(t, key, issue as IssueLike, options.lengthMessages);
    }
    return errors;
  };
}

/** Field errors of a 400/409 response, keyed by form path (the server prefixes them with body./query.). */
export function apiFieldErrors(err: unknown, t: TFunction): FieldErrors {
  if (!(err instanceof ApiError) || !err.details?.fields) return {};
  const errors: FieldErrors = {};
  for (const f of err.details.fields) {
    const key = f.path.replace(/^(body|query|params)\./, '');
    errors[key] = reasonText(t, key, { message: f.message });
  }
  return errors;
}

/** A sentence for any error, in the reader's language (codes are translated in the common namespace). */
export function errorText(err: unknown, t: TFunction): string {
  if (err instanceof ApiError) return t(`common:errors.${err.code}`, { defaultValue: err.message });
  return t('common:states.error');
}
