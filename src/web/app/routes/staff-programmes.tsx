// Staff: programmes and editions, and the form to create one.
import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { StaffProgrammeList } from '../../features/programmes/components/staff-programme-list.js';
import { StaffOnly } from '../../features/staff/components/staff-only.js';

export function Component() {
  return (
    <StaffOnly>
      <Page />
    </StaffOnly>
  );
}

function Page() {
  const { t } = useTranslation('staffProgrammes');
  return (
    <Stack gap="md">
      <Title order={1}>{t('list.title')}</Title>
      <Text>{t('list.intro')}</Text>
      <StaffProgrammeList />
    </Stack>
  );
}
