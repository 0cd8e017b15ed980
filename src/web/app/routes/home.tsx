// Home: what the network is, a search into the directory, a few figures, the programmes, and how to join.
import {
  Button,
  Group,
  List,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { FacetName } from '../../../shared/organisations.js';
import { useProgrammes } from '../../features/directory/api/list-programmes.js';
import { useDirectory } from '../../features/directory/api/search-organisations.js';
import { ProgrammeList } from '../../features/directory/components/programme-list.js';
import { DIRECTORY_NS } from '../../features/directory/messages.js';

// The subscription box validates with the shared zod schema: loaded after the page, so the home page's
// own chunk (and what a phone waits for before it sees anything) stays small.
const SubscribeBox = lazy(() =>
  import('../../features/newsletter/components/subscribe-box.js').then((m) => ({ default: m.SubscribeBox })),
);

const NO_FILTERS: Record<FacetName, string[]> = {
  region: [],
  province: [],
  kind: [],
  legalForm: [],
  field: [],
  programme: [],
  language: [],
  module: [],
};

function Figure({ value, label }: { value: string | null; label: string }) {
  return (
    <Paper withBorder radius="md" p="md">
      {value === null ? (
        <Skeleton h={36} w={80} />
      ) : (
        <Text fz={32} fw={800} c="teal.9" lh={1.1}>
          {value}
        </Text>
      )}
      <Text c="gray.8">{label}</Text>
    </Paper>
  );
}

export function Component() {
  const { t, i18n } = useTranslation(DIRECTORY_NS);
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const nf = new Intl.NumberFormat(i18n.language);
  const network = useDirectory({
    q: '',
    sort: 'relevance',
    page: 1,
    pageSize: 1,
    lang: i18n.language,
    filters: NO_FILTERS,
  });
  const programmes = useProgrammes();

  useEffect(() => {
    document.title = 'Trama';
  }, []);

  const items = programmes.data?.items ?? [];
  const regionCount = network.data?.facets.region.filter((r) => r.count > 0).length;

  return (
    <Stack gap={40} maw={1100} mx="auto" py="md">
      <Stack gap="md">
        <Title order={1} maw={780} style={{ textWrap: 'balance' }}>
          {t('home.title')}
        </Title>
        <Text size="lg" c="gray.8" maw={720}>
          {t('home.lead')}
        </Text>
        <search>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              navigate(q.trim() ? `/directory?q=${encodeURIComponent(q.trim())}` : '/directory');
            }}
          >
            <Group gap="sm" align="flex-end" maw={640} wrap="nowrap">
              <TextInput
                type="search"
                label={t('home.searchLabel')}
                placeholder={t('home.searchPlaceholder')}
                value={q}
                onChange={(e) => setQ(e.currentTarget.value)}
                size="md"
                style={{ flex: 1, minWidth: 0 }}
                maxLength={200}
              />
              <Button type="submit" size="md">
                {t('common:actions.search')}
              </Button>
            </Group>
          </form>
        </search>
        <Group gap="sm">
          <Button component={Link} to="/join" size="md">
            {t('home.joinCta')}
          </Button>
          <Button component={Link} to="/directory" variant="default" size="md">
            {t('home.browse')}
          </Button>
        </Group>
      </Stack>

      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="md">
        <Figure value={network.data ? nf.format(network.data.total) : null} label={t('home.members')} />
        <Figure value={regionCount !== undefined ? nf.format(regionCount) : null} label={t('home.regions')} />
        <Figure value={programmes.data ? nf.format(items.length) : null} label={t('home.programmesCount')} />
      </SimpleGrid>

      <Stack gap="sm" component="section">
        <Title order={2}>{t('home.whatTitle')}</Title>
        <List spacing="xs" c="gray.9">
          {(t('home.what', { returnObjects: true }) as string[]).map((line) => (
            <List.Item key={line}>{line}</List.Item>
          ))}
        </List>
      </Stack>

      <Stack gap="sm" component="section">
        <Title order={2}>{t('home.programmesTitle')}</Title>
        {programmes.isPending ? (
          <Skeleton h={100} radius="md" />
        ) : items.length === 0 ? (
          <Text c="gray.7">{t('home.programmesEmpty')}</Text>
        ) : (
          <ProgrammeList items={items} />
        )}
      </Stack>

      <Paper component="section" radius="md" p="xl" bg="teal.0" withBorder>
        <Stack gap="sm" align="flex-start">
          <Title order={2}>{t('home.joinTitle')}</Title>
          <Text c="gray.9" maw={640}>
            {t('home.joinBody')}
          </Text>
          <Button component={Link} to="/join" size="md">
            {t('home.joinCta')}
          </Button>
        </Stack>
      </Paper>
      <Suspense fallback={null}>
        <SubscribeBox />
      </Suspense>
    </Stack>
  );
}
