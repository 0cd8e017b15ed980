// Turns zod issues (browser-side checks) and 400 responses (server-side checks) into localized field errors.
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { ApiError } from '../../lib/api-client.js';

type Errors = Record<string, string>;

function issueMessage(t: TFunction, issue: z.core.$ZodIssue): string {
  const last = issue.path.at(-1);
  if (issue.code === 'too_small' && issue.origin === 'string') {
    return Number(issue.minimum) <= 1
      ? t('validation.required')
      : t('validation.minLength', { count: Number(issue.minimum) });
  }
  if (issue.code === 'too_big' && issue.origin === 'string') {
    return t('validation.maxLength', { count: Number(issue.maximum) });
  }
  if (typeof last === 'string' && /email/i.test(last)) return t('validation.email');
  return t('validation.invalid');
}

/** A validate function for @mantine/form built from a shared zod schema, so browser and server agree. */
export function zodValidate<T>(schema: z.ZodType<T>, t: TFunction) {
  return (values: unknown): Errors => {
    const r = schema.safeParse(values);
    if (r.success) return {};
    const errors: Errors = {};
    for (const issue of r.error.issues) {
      const key = issue.path.join('.');
      if (!errors[key]) errors[key] = issueMessage(t, issue);
    }
    return errors;
  };
}

/** Field errors of a 400 response, keyed by form path (the server prefixes them with body./query.). */
export function apiFieldErrors(err: unknown, t: TFunction): Errors {
  if (!(err instanceof ApiError) || !err.details?.fields) return {};
  const errors: Errors = {};
  for (const f of err.details.fields) {
    const key = f.path.replace(/^(body|query|params)\./, '');
    const known = `validation.${f.message}`;
    errors[key] =
      t(known, { defaultValue: '' }) ||
      (/email/i.test(key) ? t('validation.email') : t('validation.invalid'));
  }
  return errors;
}

/** A sentence for any error, in the reader's language (codes are translated in the common namespace). */
export function errorText(err: unknown, t: TFunction): string {
  if (err instanceof ApiError) return t(`common:errors.${err.code}`, { defaultValue: err.message });
  return t('common:states.error');
}
