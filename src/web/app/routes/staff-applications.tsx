// Staff: the queue of applications to join the network.
import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApplicationQueue } from '../../features/staff/components/application-queue.js';
import { StaffOnly } from '../../features/staff/components/staff-only.js';

export function Component() {
  return (
    <StaffOnly>
      <Page />
    </StaffOnly>
  );
}

function Page() {
  const { t } = useTranslation('staff');
  return (
    <Stack gap="md">
      <Title order={1}>{t('queue.title')}</Title>
      <Text>{t('queue.intro')}</Text>
      <ApplicationQueue />
    </Stack>
  );
}
