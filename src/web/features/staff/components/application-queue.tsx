// The applications queue: status tabs with counts, a table on wide screens and cards on phones.
import { Anchor, Badge, Card, Group, Table, Tabs, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import {
  APPLICATION_STATUSES,
  type ApplicationListItem,
  type ApplicationStatus,
} from '../../../../shared/organisations.js';
import { ErrorAlert } from '../../../components/ui/error-alert.js';
import { PageLoader } from '../../../components/ui/page-loader.js';
import { PhoneCardList } from '../../../components/ui/phone-card-list.js';
import { useOrgLabels } from '../../../i18n/org-labels.js';
import { useApplications } from '../api/list-applications.js';
import { useFormat } from './format.js';

const isStatus = (s: string | null): s is ApplicationStatus =>
  s !== null && (APPLICATION_STATUSES as readonly string[]).includes(s);

export function ApplicationQueue() {
  const { t } = useTranslation('staff');
  const [params, setParams] = useSearchParams();
  const raw = params.get('status');
  const status: ApplicationStatus = isStatus(raw) ? raw : 'submitted';
  const list = useApplications(status);
  const f = useFormat();

  return (
    <Tabs
      value={status}
      onChange={(v) => {
        if (isStatus(v)) setParams(v === 'submitted' ? {} : { status: v }, { replace: true });
      }}
      keepMounted={false}
    >
      <Tabs.List aria-label={t('queue.tabsLabel')}>
        {APPLICATION_STATUSES.map((s) => (
          <Tabs.Tab
            key={s}
            value={s}
            rightSection={
              list.data ? (
                <Badge size="sm" variant="filled" color={s === status ? 'teal.9' : 'gray.8'} circle={false}>
                  {f.number(list.data.counts[s])}
                </Badge>
              ) : null
            }
          >
            {t(`enums.appStatus.${s}`)}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {APPLICATION_STATUSES.map((s) => (
        <Tabs.Panel key={s} value={s} pt="md">
          {list.isPending ? (
            <PageLoader />
          ) : list.isError ? (
            <ErrorAlert error={list.error} />
          ) : list.data.items.length === 0 ? (
            <Text c="gray.8">{t('queue.empty')}</Text>
          ) : (
            <QueueItems
              items={list.data.items}
              caption={t('queue.caption', { status: t(`enums.appStatus.${s}`) })}
            />
          )}
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}

function QueueItems({ items, caption }: { items: ApplicationListItem[]; caption: string }) {
  const { t } = useTranslation('staff');
  const labels = useOrgLabels();
  const f = useFormat();
  return (
    <>
      <Table.ScrollContainer minWidth={720} visibleFrom="sm">
        <Table striped highlightOnHover verticalSpacing="sm">
          <Table.Caption>{caption}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('queue.organisation')}</Table.Th>
              <Table.Th scope="col">{t('queue.kind')}</Table.Th>
              <Table.Th scope="col">{t('queue.region')}</Table.Th>
              <Table.Th scope="col">{t('queue.contact')}</Table.Th>
              <Table.Th scope="col">{t('queue.submitted')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Th scope="row" fw={600}>
                  <Anchor component={Link} to={`/staff/applications/${a.id}`}>
                    {a.organisationName}
                  </Anchor>
                </Table.Th>
                <Table.Td>{labels.kind(a.kind)}</Table.Td>
                <Table.Td>{a.regionName ?? '—'}</Table.Td>
                <Table.Td>
                  <Text size="sm">{a.contactName}</Text>
                  <Text size="sm" c="gray.8" style={{ overflowWrap: 'anywhere' }}>
                    {a.contactEmail}
                  </Text>
                </Table.Td>
                <Table.Td>{f.date(a.submittedAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <PhoneCardList label={caption}>
        {items.map((a) => (
          <Card key={a.id} component="li" withBorder padding="sm">
            <Anchor component={Link} to={`/staff/applications/${a.id}`} fw={700}>
              {a.organisationName}
            </Anchor>
            <Text size="sm">{labels.kind(a.kind)}</Text>
            <Group gap="xs" justify="space-between">
              <Text size="sm" c="gray.8">
                {a.regionName ?? '—'}
              </Text>
              <Text size="sm" c="gray.8">
                {f.date(a.submittedAt)}
              </Text>
            </Group>
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {a.contactName} · {a.contactEmail}
            </Text>
          </Card>
        ))}
      </PhoneCardList>
    </>
  );
}
