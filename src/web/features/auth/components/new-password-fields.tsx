// "New password" with its strength hint, then "repeat it": the same pair wherever a password is chosen.
import { PasswordInput, type PasswordInputProps } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { AUTH_NS } from '../messages.js';
import { PasswordStrength } from './password-strength.js';

export function NewPasswordFields({
  label,
  value,
  passwordProps,
  confirmProps,
}: {
  label: string;
  /** The password typed so far, for the strength hint. */
  value: string;
  passwordProps: PasswordInputProps;
  confirmProps: PasswordInputProps;
}) {
  const { t } = useTranslation(AUTH_NS);
  const strengthId = useId();
  return (
    <>
      <div>
        <PasswordInput
          label={label}
          autoComplete="new-password"
          required
          aria-describedby={strengthId}
          {...passwordProps}
        />
        <PasswordStrength id={strengthId} value={value} />
      </div>
      <PasswordInput
        label={t('fields.confirmPassword')}
        autoComplete="new-password"
        required
        {...confirmProps}
      />
    </>
  );
}
