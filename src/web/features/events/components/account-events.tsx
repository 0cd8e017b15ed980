// The events box on the account page: a link to "my events" and the private calendar feed.
import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMyCalendar } from '../api/my-calendar.js';
import { EVENTS_NS } from '../messages.js';
import { absoluteUrl, CopyField, webcalUrl } from './copy-field.js';

export function AccountEvents() {
  const { t } = useTranslation(EVENTS_NS);
  const feed = useMyCalendar();
  return (
    <Stack gap="sm">
      <Text c="gray.8">{t('my.intro')}</Text>
      <Group>
        <Button component={Link} to="/my/events" variant="light" c="teal.9">
          {t('my.title')}
        </Button>
      </Group>
      {feed.data && (
        <>
          <CopyField
            label={t('my.feedLabel')}
            description={t('my.feedIntro')}
            value={absoluteUrl(feed.data.url)}
          />
          <Anchor href={webcalUrl(feed.data.url)} c="teal.9" size="sm">
            {t('list.download')}
          </Anchor>
        </>
      )}
    </Stack>
  );
}
