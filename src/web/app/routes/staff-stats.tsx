// Staff: the network at a glance.
import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { StaffOnly } from '../../features/staff/components/staff-only.js';
import { StatsView } from '../../features/stats/components/stats-view.js';

export function Component() {
  return (
    <StaffOnly>
      <Page />
    </StaffOnly>
  );
}

function Page() {
  const { t } = useTranslation('stats');
  return (
    <Stack gap="md">
      <Title order={1}>{t('title')}</Title>
      <Text>{t('intro')}</Text>
      <StatsView />
    </Stack>
  );
}
