// A programme's public page: dates, description, editions, staff and participating organisations.
import { Anchor, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageLoader } from '../../components/ui/page-loader.js';
import { useProgramme } from '../../features/directory/api/get-programme.js';
import { useProgrammes } from '../../features/directory/api/list-programmes.js';
import { dateRange, ProgrammeList } from '../../features/directory/components/programme-list.js';
import { DIRECTORY_NS } from '../../features/directory/messages.js';
import { ApiError } from '../../lib/api-client.js';

export function Component() {
  const { t, i18n } = useTranslation(DIRECTORY_NS);
  const { slug = '' } = useParams();
  const programme = useProgramme(slug);
  const all = useProgrammes();
  const lang = i18n.language;

  useEffect(() => {
    if (programme.data) document.title = `${programme.data.name} · Trama`;
  }, [programme.data]);

  if (programme.isPending) return <PageLoader />;
  if (programme.isError) {
    const missing = programme.error instanceof ApiError && programme.error.status === 404;
    return (
      <Stack maw={960} mx="auto">
        <Title order={1}>{missing ? t('programme.notFound') : t('common:states.error')}</Title>
        <Anchor component={Link} to="/" c="teal.9">
          {t('common:notFound.home')}
        </Anchor>
      </Stack>
    );
  }

  const p = programme.data;
  const ownText = p.description[lang]?.trim();
  const description = ownText || p.description.it?.trim() || '';
  const fellBack = !ownText && lang !== 'it';
  const range = dateRange(p, lang);
  const parent = p.parentSlug ? all.data?.items.find((x) => x.slug === p.parentSlug) : undefined;
  const collator = new Intl.Collator(lang);
  const organisations = [...p.organisations].sort((a, b) => collator.compare(a.name, b.name));

  return (
    <Stack gap="lg" maw={1040} mx="auto">
      <Stack gap={6}>
        {p.parentSlug && (
          <Text size="sm" c="gray.8">
            {t('programme.partOf')}:{' '}
            <Anchor component={Link} to={`/programmes/${p.parentSlug}`} c="teal.9">
              {parent?.name ?? p.parentSlug}
            </Anchor>
          </Text>
        )}
        <Title order={1}>{p.name}</Title>
        <Group gap="md" c="gray.8">
          {p.year && <Text fw={600}>{t('programme.year', { year: p.year })}</Text>}
          {range && <Text>{range}</Text>}
        </Group>
      </Stack>

      {description && (
        <Text
          lang={fellBack ? 'it' : lang}
          dir={fellBack ? 'ltr' : undefined}
          maw={780}
          style={{ whiteSpace: 'pre-line' }}
        >
          {description}
        </Text>
      )}

      {p.editions.length > 0 && (
        <Stack gap="sm" component="section">
          <Title order={2}>{t('programme.editions')}</Title>
          <ProgrammeList items={p.editions} />
        </Stack>
      )}

      {p.staff.length > 0 && (
        <Stack gap="sm" component="section">
          <Title order={2}>{t('programme.staff')}</Title>
          <List spacing={4}>
            {p.staff.map((s) => (
              <List.Item key={`${s.userId}:${s.role}`}>
                {s.name} ·{' '}
                <Text span c="gray.8">
                  {t(`programme.roles.${s.role}`)}
                </Text>
              </List.Item>
            ))}
          </List>
        </Stack>
      )}

      <Stack gap="sm" component="section">
        <Title order={2}>{t('programme.organisations')}</Title>
        {organisations.length === 0 ? (
          <Text c="gray.7">{t('programme.noOrganisations')}</Text>
        ) : (
          <SimpleGrid
            cols={{ base: 1, sm: 2, md: 3 }}
            spacing="sm"
            component="ul"
            p={0}
            m={0}
            style={{ listStyle: 'none' }}
          >
            {organisations.map((o) => (
              <Paper key={o.slug} component="li" withBorder radius="md" p="sm">
                <Anchor component={Link} to={`/organisations/${o.slug}`} c="teal.9" fw={600}>
                  {o.name}
                </Anchor>
                {o.regionName && (
                  <Text size="sm" c="gray.7">
                    {o.regionName}
                  </Text>
                )}
              </Paper>
            ))}
          </SimpleGrid>
        )}
      </Stack>
    </Stack>
  );
}
