// One newsletter of the archive. Its HTML comes from the server's Markdown renderer, which escapes raw HTML
// and keeps only http(s)/mailto links, so it is safe to insert.
import { Anchor, Box, Container, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { NewsletterLocale } from '../../../shared/newsletter.js';
import { ErrorAlert } from '../../components/ui/error-alert.js';
import { PageLoader } from '../../components/ui/page-loader.js';
import { useArchiveIssue } from '../../features/newsletter/api/get-archive-issue.js';
import { NEWSLETTER_NS } from '../../features/newsletter/messages.js';
import { ApiError } from '../../lib/api-client.js';

export function Component() {
  const { t, i18n } = useTranslation(NEWSLETTER_NS);
  const { id = '' } = useParams();
  const [locale, setLocale] = useState<string>(i18n.language);
  const issue = useArchiveIssue(id, locale);
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long' });

  let body: React.ReactNode;
  if (issue.isPending) body = <PageLoader />;
  else if (issue.isError)
    body =
      issue.error instanceof ApiError && issue.error.status === 404 ? (
        <Title order={1}>{t('archive.notFound')}</Title>
      ) : (
        <ErrorAlert error={issue.error} />
      );
  else {
    const d = issue.data;
    const others = d.locales.filter((l) => l !== d.locale);
    body = (
      <>
        <Box lang={d.locale} dir={d.locale === 'ar' ? 'rtl' : 'ltr'}>
          <Title order={1}>{d.subject}</Title>
        </Box>
        <Text size="sm" c="dimmed">
          {t('archive.sentOn', { date: date.format(new Date(d.sentAt)) })}
        </Text>
        {others.length > 0 && (
          <Group gap="sm" component="nav" aria-label={t('archive.otherLanguages')}>
            <Text size="sm">{t('archive.otherLanguages')}:</Text>
            {others.map((l: NewsletterLocale) => (
              <Anchor
                key={l}
                component="button"
                type="button"
                size="sm"
                lang={l}
                onClick={() => setLocale(l)}
              >
                {t(`locales.${l}`)}
              </Anchor>
            ))}
          </Group>
        )}
        <Box
          className="newsletter-issue"
          lang={d.locale}
          dir={d.locale === 'ar' ? 'rtl' : 'ltr'}
          style={{ lineHeight: 1.6, overflowWrap: 'anywhere' }}
          // biome-ignore lint/security/noDangerouslySetInnerHtml: rendered by the server's escaping Markdown renderer
          dangerouslySetInnerHTML={{ __html: d.html }}
        />
      </>
    );
  }
  return (
    <Container size="sm" px={0}>
      <Stack gap="md">
        <Anchor component={Link} to="/newsletter/archive" size="sm" underline="always">
          {t('archive.back')}
        </Anchor>
        {body}
      </Stack>
    </Container>
  );
}
