// Staff: outgoing mail, readable in the app when no SMTP server is configured.
import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { OutboxList } from '../../features/admin/components/outbox-list.js';
import { StaffOnly } from '../../features/staff/components/staff-only.js';

export function Component() {
  return (
    <StaffOnly>
      <Page />
    </StaffOnly>
  );
}

function Page() {
  const { t } = useTranslation('mail');
  return (
    <Stack gap="md">
      <Title order={1}>{t('title')}</Title>
      <Text>{t('intro')}</Text>
      <OutboxList />
    </Stack>
  );
}
