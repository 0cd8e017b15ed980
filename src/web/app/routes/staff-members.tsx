// Staff: the member list, with export and import.
import { Button, Divider, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { MemberImport } from '../../features/staff/components/member-import.js';
import { MemberList } from '../../features/staff/components/member-list.js';
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
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={4} style={{ flex: '1 1 20rem' }}>
          <Title order={1}>{t('members.title')}</Title>
          <Text>{t('members.intro')}</Text>
        </Stack>
        <Group gap="xs" role="group" aria-label={t('members.export')}>
          <Button component="a" href="/api/v1/exports/members.csv" variant="outline" download>
            {t('members.exportCsv')}
          </Button>
          <Button component="a" href="/api/v1/exports/members.xlsx" variant="outline" download>
            {t('members.exportXlsx')}
          </Button>
        </Group>
      </Group>
      <MemberList />
      <Divider my="md" />
      <MemberImport />
    </Stack>
  );
}
