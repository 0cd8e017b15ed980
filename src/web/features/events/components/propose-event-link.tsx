// On an organisation's admin page: proposing a local event, for its admins and operators.
import { Button, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EVENTS_NS } from '../messages.js';

export function ProposeEventLink({ slug, role }: { slug: string; role: string | null | undefined }) {
  const { t } = useTranslation(EVENTS_NS);
  if (role !== 'org_admin' && role !== 'operator') return null;
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{t('org.proposeIntro')}</Text>
        <Button component={Link} to={`/my/organisations/${slug}/events/new`} variant="light" c="teal.9">
          {t('org.propose')}
        </Button>
      </Stack>
    </Paper>
  );
}
