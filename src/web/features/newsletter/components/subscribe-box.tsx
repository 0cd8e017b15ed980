// The small subscription box of the home page.
import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NEWSLETTER_NS } from '../messages.js';
import { SubscribeForm } from './subscribe-form.js';

export function SubscribeBox() {
  const { t } = useTranslation(NEWSLETTER_NS);
  return (
    <Paper component="section" radius="md" p="xl" withBorder aria-labelledby="newsletter-box-title">
      <Stack gap="sm">
        <Title order={2} id="newsletter-box-title">
          {t('subscribe.boxTitle')}
        </Title>
        <Text c="gray.9">{t('subscribe.boxBody')}</Text>
        <SubscribeForm compact />
      </Stack>
    </Paper>
  );
}
