// A failed request said in the reader's language, with the fields the server named, for staff and admin screens.
import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api-client.js';
import { errorText } from '../../lib/form-errors.js';

export function ErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const fields =
    error instanceof ApiError
      ? error.details?.fields?.map((f) => `${f.path}: ${f.message}`).join('; ')
      : undefined;
  return (
    <Alert color="red" role="alert" title={t('common:states.error')}>
      <Text size="sm" c="red.9">
        {errorText(error, t)}
        {fields ? ` (${fields})` : ''}
      </Text>
    </Alert>
  );
}
