// Public archive: newsletters sent so far, in the reader's language when the issue has it.
import { Anchor, Button, Container, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ui/error-alert.js';
import { PageLoader } from '../../components/ui/page-loader.js';
import { useArchive } from '../../features/newsletter/api/list-archive.js';
import { NEWSLETTER_NS } from '../../features/newsletter/messages.js';

export function Component() {
  const { t, i18n } = useTranslation(NEWSLETTER_NS);
  const archive = useArchive(i18n.language);
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long' });
  const items = archive.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Container size="sm" px={0}>
      <Stack gap="md">
        <Title order={1}>{t('archive.title')}</Title>
        <Text>{t('archive.intro')}</Text>
        {archive.isPending ? (
          <PageLoader />
        ) : archive.isError ? (
          <ErrorAlert error={archive.error} />
        ) : items.length === 0 ? (
          <Text>{t('archive.empty')}</Text>
        ) : (
          <Stack component="ul" gap="sm" p={0} style={{ listStyle: 'none' }}>
            {items.map((i) => (
              <li key={i.id} lang={i.locale} dir={i.locale === 'ar' ? 'rtl' : 'ltr'}>
                <Anchor component={Link} to={`/newsletter/archive/${i.id}`} fw={600} underline="always">
                  {i.subject}
                </Anchor>
                <Text size="sm" c="dimmed" lang={i18n.language}>
                  {t('archive.sentOn', { date: date.format(new Date(i.sentAt)) })}
                </Text>
              </li>
            ))}
          </Stack>
        )}
        {archive.hasNextPage && (
          <Button
            variant="default"
            w="fit-content"
            loading={archive.isFetchingNextPage}
            onClick={() => void archive.fetchNextPage()}
          >
            {t('archive.more')}
          </Button>
        )}
        <Anchor component={Link} to="/newsletter" underline="always">
          {t('archive.subscribe')}
        </Anchor>
      </Stack>
    </Container>
  );
}
