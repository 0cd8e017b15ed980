// Localized field errors for the admin forms, from zod issues (browser) and 400/409 responses (server).
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { ApiError } from '../../../lib/api-client.js';

type Errors = Record<string, string>;

/** Server reasons look like `invalid_tax_code` or `unknown_field: housing`; the code is before the colon. */
function reasonText(t: TFunction, reason: string, key: string): string {
  const code = reason.split(':')[0]?.trim() ?? '';
  if (/^[a-z_]+$/.test(code)) {
    const known = t(`validation.${code}`, { defaultValue: '' });
    if (known) return known;
  }
  return /email/i.test(key) ? t('validation.email') : t('validation.invalid');
}

function issueText(t: TFunction, issue: z.core.$ZodIssue, key: string): string {
  if (issue.code === 'too_small' && issue.origin === 'string') {
    if (key === 'provinceCode') return t('validation.provinceLength');
    return Number(issue.minimum) <= 1
      ? t('validation.required')
      : t('validation.minLength', { count: Number(issue.minimum) });
  }
  if (issue.code === 'too_big' && issue.origin === 'string') {
    if (key === 'provinceCode') return t('validation.provinceLength');
    return t('validation.maxLength', { count: Number(issue.maximum) });
  }
  return reasonText(t, issue.message, key);
}

export function zodValidate(schema: z.ZodType, t: TFunction) {
  return (values: unknown): Errors => {
    const r = schema.safeParse(values);
    if (r.success) return {};
    const errors: Errors = {};
    for (const issue of r.error.issues) {
      const key = issue.path.join('.');
      if (!errors[key]) errors[key] = issueText(t, issue, key);
    }
    return errors;
  };
}

export function apiFieldErrors(err: unknown, t: TFunction): Errors {
  if (!(err instanceof ApiError) || !err.details?.fields) return {};
  const errors: Errors = {};
  for (const f of err.details.fields) {
    const key = f.path.replace(/^(body|query|params)\./, '');
    errors[key] = reasonText(t, f.message, key);
  }
  return errors;
}

export function errorText(err: unknown, t: TFunction): string {
  if (err instanceof ApiError) return t(`common:errors.${err.code}`, { defaultValue: err.message });
  return t('common:states.error');
}
