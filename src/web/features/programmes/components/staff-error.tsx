// The server's error code in the reader's language, for failed staff actions on programmes.
import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api-client.js';

export function StaffError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const code = error instanceof ApiError ? error.code : 'INTERNAL';
  const fields =
    error instanceof ApiError
      ? error.details?.fields?.map((f) => `${f.path}: ${f.message}`).join('; ')
      : undefined;
  return (
    <Alert color="red" role="alert" title={t('states.error')}>
      <Text size="sm" c="red.9">
        {t(`errors.${code}`, { defaultValue: t('states.error') })}
        {fields ? ` (${fields})` : ''}
      </Text>
    </Alert>
  );
}
