// An organisation's public page: who it is, where, how to reach it, what it does and in which programmes.
import { Alert, Anchor, Badge, Button, Grid, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageLoader } from '../../components/ui/page-loader.js';
import { useOrganisation } from '../../features/organisations/api/get-organisation.js';
import { useReference } from '../../features/organisations/api/get-reference.js';
import { ORG_PUBLIC_NS } from '../../features/organisations/components/messages.js';
import { OrgLogo } from '../../features/organisations/components/org-logo.js';
import { useOrgLabels } from '../../i18n/org-labels.js';
import { ApiError } from '../../lib/api-client.js';

// The events section brings the events feature's messages and date helpers: loaded after the profile.
const OrganisationEvents = lazy(() =>
  import('../../features/events/components/organisation-events.js').then((m) => ({
    default: m.OrganisationEvents,
  })),
);

function Detail({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text component="dt" size="sm" fw={600} c="gray.8">
        {label}
      </Text>
      <Text component="dd" m={0} style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}

export function Component() {
  const { t, i18n } = useTranslation(ORG_PUBLIC_NS);
  const { slug = '' } = useParams();
  const org = useOrganisation(slug);
  const reference = useReference();
  const labels = useOrgLabels();
  const lang = i18n.language;

  useEffect(() => {
    if (org.data) document.title = `${org.data.name} · Trama`;
  }, [org.data]);

  if (org.isPending) return <PageLoader />;
  if (org.isError) {
    const missing = org.error instanceof ApiError && [403, 404].includes(org.error.status);
    return (
      <Stack gap="md" maw={960} mx="auto">
        <Title order={1}>{missing ? t('notFound') : t('common:states.error')}</Title>
        <Anchor component={Link} to="/directory" c="teal.9">
          {t('backToDirectory')}
        </Anchor>
      </Stack>
    );
  }

  const o = org.data;
  const ownText = o.description[lang]?.trim();
  const description = ownText || o.description.it?.trim() || '';
  const fellBack = !ownText && Boolean(description) && lang !== 'it';
  const fieldNames = new Map(
    (reference.data?.fields ?? []).map((f) => [f.slug, f.names[lang] ?? f.names.it ?? f.slug]),
  );
  const place = [
    o.address,
    [o.postalCode, o.municipality].filter(Boolean).join(' ') + (o.provinceCode ? ` (${o.provinceCode})` : ''),
    o.regionName,
  ]
    .filter((s) => s?.trim())
    .join(', ');
  const joined = o.joinedAt
    ? new Intl.DateTimeFormat(lang, { month: 'long', year: 'numeric' }).format(new Date(o.joinedAt))
    : null;
  const websiteLabel = o.website ? o.website.replace(/^https?:\/\//i, '').replace(/\/$/, '') : '';

  return (
    <Stack gap="lg" maw={1040} mx="auto">
      <Anchor component={Link} to="/directory" size="sm" c="teal.9">
        {t('backToDirectory')}
      </Anchor>

      <Group align="flex-start" gap="lg" wrap="nowrap">
        <OrgLogo name={o.name} url={o.logoUrl} size={88} alt={labels.logoOf(o.name)} />
        <Stack gap={6} style={{ minWidth: 0, flex: 1 }}>
          <Title order={1} style={{ overflowWrap: 'anywhere' }}>
            {o.name}
          </Title>
          <Group gap="xs">
            {o.acronym && (
              <Text fw={600} c="gray.8">
                {o.acronym}
              </Text>
            )}
            <Badge variant="light" color="teal" c="teal.9" tt="none" size="lg" fw={600}>
              {labels.kind(o.kind)}
            </Badge>
            {o.status !== 'member' && (
              <Badge variant="light" color="orange" c="orange.9" tt="none" size="lg">
                {labels.status(o.status)}
              </Badge>
            )}
          </Group>
          {joined && (
            <Text size="sm" c="gray.7">
              {t('memberSince', { date: joined })}
            </Text>
          )}
        </Stack>
        {o.canEdit && (
          <Button component={Link} to={`/my/organisations/${o.slug}`} variant="default" visibleFrom="sm">
            {t('edit')}
          </Button>
        )}
      </Group>
      {o.canEdit && (
        <Button component={Link} to={`/my/organisations/${o.slug}`} variant="default" hiddenFrom="sm">
          {t('edit')}
        </Button>
      )}

      {!o.visible && o.status === 'member' && (
        <Alert color="blue" variant="light" c="blue.9">
          {t('notVisible')}
        </Alert>
      )}

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            <Stack gap="xs" component="section">
              <Title order={2} fz="h3">
                {t('about')}
              </Title>
              {description ? (
                <>
                  {fellBack && (
                    <Text size="sm" c="gray.7">
                      {t('descriptionFallback')}
                    </Text>
                  )}
                  <Text
                    lang={fellBack ? 'it' : lang}
                    dir={fellBack ? 'ltr' : undefined}
                    style={{ whiteSpace: 'pre-line' }}
                  >
                    {description}
                  </Text>
                </>
              ) : (
                <Text c="gray.7">{t('noDescription')}</Text>
              )}
            </Stack>

            {o.fields.length > 0 && (
              <Stack gap="xs" component="section">
                <Title order={2} fz="h3">
                  {t('fields')}
                </Title>
                <Group gap={6}>
                  {o.fields.map((f) => (
                    <Badge key={f} variant="light" color="gray" c="gray.9" tt="none" fw={500} size="lg">
                      {fieldNames.get(f) ?? f}
                    </Badge>
                  ))}
                </Group>
              </Stack>
            )}

            {o.languages.length > 0 && (
              <Stack gap="xs" component="section">
                <Title order={2} fz="h3">
                  {t('languages')}
                </Title>
                <Text>
                  {new Intl.ListFormat(lang, { type: 'conjunction' }).format(
                    o.languages.map(labels.language),
                  )}
                </Text>
              </Stack>
            )}

            {o.programmes.length > 0 && (
              <Stack gap="xs" component="section">
                <Title order={2} fz="h3">
                  {t('programmes')}
                </Title>
                <List spacing={4}>
                  {o.programmes.map((p) => (
                    <List.Item key={p.slug}>
                      <Anchor component={Link} to={`/programmes/${p.slug}`} c="teal.9">
                        {p.name}
                      </Anchor>
                      {p.year && (
                        <Text span c="gray.7">
                          {' '}
                          · {p.year}
                        </Text>
                      )}
                    </List.Item>
                  ))}
                </List>
              </Stack>
            )}

            <Suspense fallback={null}>
              <OrganisationEvents slug={o.slug} />
            </Suspense>

            {o.modules.length > 0 && (
              <Stack gap="xs" component="section">
                <Title order={2} fz="h3">
                  {t('modules')}
                </Title>
                <List spacing={4}>
                  {o.modules.map((m) => (
                    <List.Item key={m}>{labels.module(m)}</List.Item>
                  ))}
                </List>
              </Stack>
            )}
          </Stack>
        </Grid.Col>

        <Grid.Col span={{ base: 12, md: 4 }}>
          <Paper withBorder radius="md" p="md" component="section">
            <Title order={2} fz="h4" mb="sm">
              {t('contacts')}
            </Title>
            <Stack gap="sm" component="dl" m={0}>
              {place && <Detail label={t('address')}>{place}</Detail>}
              {o.website && (
                <Detail label={t('website')}>
                  <Anchor href={o.website} target="_blank" rel="noopener noreferrer" c="teal.9" dir="ltr">
                    {websiteLabel}
                  </Anchor>
                </Detail>
              )}
              {o.email && (
                <Detail label={t('email')}>
                  <Anchor href={`mailto:${o.email}`} c="teal.9" dir="ltr">
                    {o.email}
                  </Anchor>
                </Detail>
              )}
              {o.phone && (
                <Detail label={t('phone')}>
                  <Anchor href={`tel:${o.phone.replace(/[^\d+]/g, '')}`} c="teal.9" dir="ltr">
                    {o.phone}
                  </Anchor>
                </Detail>
              )}
              <Detail label={t('legalForm')}>{labels.legalForm(o.legalForm)}</Detail>
              {o.runtsNumber && <Detail label={t('runts')}>{o.runtsNumber}</Detail>}
              {o.taxCode && <Detail label={t('taxCode')}>{o.taxCode}</Detail>}
            </Stack>
          </Paper>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
