// Field errors from the shared zod schema (in the browser) and from a 400 response (from the server), in words.
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { ApiError } from '../../../lib/api-client.js';

type Errors = Record<string, string>;

function reason(
  t: TFunction,
  key: string,
  issue: { code?: string; message: string; minimum?: unknown; maximum?: unknown; origin?: string },
): string {
  const known = t(`validation.${issue.message}`, { defaultValue: '' });
  if (known) return known;
  if (issue.code === 'too_small' && issue.origin === 'string') {
    return Number(issue.minimum) <= 1
      ? t('validation.required')
      : t('validation.minLength', { count: Number(issue.minimum) });
  }
  if (issue.code === 'too_big' && issue.origin === 'string')
    return t('validation.maxLength', { count: Number(issue.maximum) });
  if (issue.code === 'invalid_value' || (issue.code === 'invalid_format' && !/email/i.test(key)))
    return t('validation.invalid');
  if (/email/i.test(key)) return t('validation.email');
  return t('validation.invalid');
}

/** A validate function for @mantine/form: the same schema as the server, so both say the same thing. */
export function zodValidate(schema: z.ZodType, t: TFunction, prepare: (values: never) => unknown = (v) => v) {
  return (values: unknown): Errors => {
    const r = schema.safeParse(prepare(values as never));
    if (r.success) return {};
    const errors: Errors = {};
    for (const issue of r.error.issues) {
      const key = issue.path.join('.');
      if (!errors[key]) errors[key] = reason(t, key, issue as never);
    }
    return errors;
  };
}

export function apiFieldErrors(err: unknown, t: TFunction): Errors {
  if (!(err instanceof ApiError) || !err.details?.fields) return {};
  const errors: Errors = {};
  for (const f of err.details.fields) {
    const key = f.path.replace(/^(body|query|params)\./, '');
    errors[key] = reason(t, key, { message: f.message.split(':')[0] ?? '' });
  }
  return errors;
}

export function errorText(err: unknown, t: TFunction): string {
  if (err instanceof ApiError) return t(`common:errors.${err.code}`, { defaultValue: err.message });
  return t('common:states.error');
}
