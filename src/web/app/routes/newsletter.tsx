// Public newsletter page: subscribe with language and interests; link to the archive.
import { Anchor, Container, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SubscribeForm } from '../../features/newsletter/components/subscribe-form.js';
import { NEWSLETTER_NS } from '../../features/newsletter/messages.js';

export function Component() {
  const { t } = useTranslation(NEWSLETTER_NS);
  return (
    <Container size="sm" px={0}>
      <Stack gap="md">
        <Title order={1}>{t('subscribe.title')}</Title>
        <Text>{t('subscribe.intro')}</Text>
        <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md">
          <SubscribeForm />
        </Paper>
        <Anchor component={Link} to="/newsletter/archive" underline="always">
          {t('subscribe.archiveLink')}
        </Anchor>
      </Stack>
    </Container>
  );
}
