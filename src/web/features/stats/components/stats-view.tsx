// The network at a glance: totals, members by kind / legal form / region, applications, growth.
import { Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageLoader } from '../../../components/ui/page-loader.js';
import { useOrgLabels } from '../../../i18n/org-labels.js';
import { ApiError } from '../../../lib/api-client.js';
import { useMemberStats } from '../api/get-member-stats.js';
import '../messages.js';
import { GrowthChart } from './growth-chart.js';
import { ShareTable } from './share-table.js';

export function StatsView() {
  const { t, i18n } = useTranslation('stats');
  const stats = useMemberStats();
  const num = new Intl.NumberFormat(i18n.language);
  const labels = useOrgLabels();
  // Application statuses live in the staff namespace, loaded by the staff gate that wraps every staff page.
  const appStatus = (value: string) =>
    i18n.exists(`staff:enums.appStatusOne.${value}`) ? t(`staff:enums.appStatusOne.${value}`) : value;

  if (stats.isPending) return <PageLoader />;
  if (stats.isError)
    return (
      <Text c="red.9" role="alert">
        {t(`common:errors.${stats.error instanceof ApiError ? stats.error.code : 'INTERNAL'}`)}
      </Text>
    );
  const s = stats.data;
  const pending = s.applicationsByStatus.find((a) => a.value === 'submitted')?.count ?? 0;
  const joinedLastYear = s.growth.slice(-12).reduce((a, g) => a + g.joined, 0);
  const totals = [
    { label: t('totalMembers'), value: s.totalMembers },
    { label: t('regions'), value: s.byRegion.filter((r) => r.count > 0).length },
    { label: t('joinedLastYear'), value: joinedLastYear },
    { label: t('pending'), value: pending },
  ];

  return (
    <Stack gap="xl">
      <section aria-labelledby="totals-title">
        <Title order={2} id="totals-title" mb="sm">
          {t('totals')}
        </Title>
        <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm" component="dl" m={0}>
          {totals.map((x) => (
            <Card key={x.label} withBorder padding="md">
              <Text component="dt" size="sm" c="gray.8">
                {x.label}
              </Text>
              <Text
                component="dd"
                m={0}
                fz={32}
                fw={800}
                c="teal.9"
                style={{ fontVariantNumeric: 'tabular-nums' }}
              >
                {num.format(x.value)}
              </Text>
            </Card>
          ))}
        </SimpleGrid>
      </section>

      <section aria-labelledby="growth-title">
        <Title order={2} id="growth-title">
          {t('growth')}
        </Title>
        <Text mb="sm">{t('growthIntro')}</Text>
        <GrowthChart growth={s.growth} />
      </section>

      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="xl">
        <ShareTable
          caption={t('byKind')}
          header={t('kind')}
          rows={s.byKind.map((b) => ({ ...b, label: labels.kind(b.value) }))}
        />
        <ShareTable
          caption={t('byLegalForm')}
          header={t('legalForm')}
          rows={s.byLegalForm.map((b) => ({ ...b, label: labels.legalForm(b.value) }))}
        />
        <ShareTable caption={t('byRegion')} header={t('region')} rows={s.byRegion} />
        <ShareTable
          caption={t('applications')}
          header={t('status')}
          rows={s.applicationsByStatus.map((a) => ({ ...a, label: appStatus(a.value) }))}
        />
      </SimpleGrid>
    </Stack>
  );
}
