// Checks a "new password + repeat it" pair with the server's own password rule.
import type { TFunction } from 'i18next';
import { PASSWORD_MAX, PASSWORD_MIN } from '../../../shared/auth.js';

export function newPasswordValidate<F extends string>(field: F, t: TFunction) {
  return (values: Record<F | 'confirm', string>): Record<string, string> => {
    const errors: Record<string, string> = {};
    const pw = values[field];
    if (!pw) errors[field] = t('validation.required');
    else if (pw.length < PASSWORD_MIN) errors[field] = t('validation.minLength', { count: PASSWORD_MIN });
    else if (pw.length > PASSWORD_MAX) errors[field] = t('validation.maxLength', { count: PASSWORD_MAX });
    if (pw && values.confirm !== pw) errors.confirm = t('validation.mismatch');
    return errors;
  };
}
