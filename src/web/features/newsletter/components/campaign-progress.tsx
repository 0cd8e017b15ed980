// Staff: progress of a campaign while it sends (polled), then the status of every recipient, paged.
import { Button, Group, NativeSelect, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type DeliveryStatus, DeliveryStatusSchema } from '../../../../shared/newsletter.js';
import { ErrorAlert } from '../../../components/ui/error-alert.js';
import { PageLoader } from '../../../components/ui/page-loader.js';
import { useCancelCampaign } from '../api/cancel-campaign.js';
import { useProgress } from '../api/get-progress.js';
import { useDeliveries } from '../api/list-deliveries.js';
import { useRetryFailed } from '../api/retry-failed.js';
import { NEWSLETTER_NS } from '../messages.js';

function Figure({ label, value }: { label: string; value: number }) {
  return (
    <Stack gap={0}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz="xl" fw={700}>
        {value}
      </Text>
    </Stack>
  );
}

export function CampaignProgressPanel({ id }: { id: string }) {
  const { t } = useTranslation(NEWSLETTER_NS);
  const progress = useProgress(id);
  const retry = useRetryFailed(id);
  const stop = useCancelCampaign(id);
  if (progress.isPending) return <PageLoader />;
  if (progress.isError) return <ErrorAlert error={progress.error} />;
  const p = progress.data;
  const done = p.sent + p.failed + p.skipped;
  const pct = p.total === 0 ? 100 : Math.round((done / p.total) * 100);
  return (
    <Stack gap="md">
      <Title order={2} fz="xl">
        {t('staff.progress')}
      </Title>
      <Progress
        value={pct}
        size="lg"
        color="teal.8"
        aria-label={t('staff.progressLabel', { done, total: p.total })}
      />
      <Text size="sm" role="status" aria-live="polite">
        {t('staff.progressLabel', { done, total: p.total })}
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        <Figure label={t('staff.sent')} value={p.sent} />
        <Figure label={t('staff.failed')} value={p.failed} />
        <Figure label={t('staff.remaining')} value={p.remaining} />
        <Figure label={t('staff.skipped')} value={p.skipped} />
      </SimpleGrid>
      <Group gap="sm">
        {p.failed > 0 && (
          <Button
            variant="default"
            loading={retry.isPending}
            onClick={() =>
              retry.mutate(undefined, {
                onSuccess: (r) =>
                  notifications.show({ color: 'teal', message: t('staff.retried', { count: r.retried }) }),
              })
            }
          >
            {t('staff.retry')}
          </Button>
        )}
        {p.status === 'sending' && (
          <Button color="red.8" variant="outline" loading={stop.isPending} onClick={() => stop.mutate()}>
            {t('staff.stop')}
          </Button>
        )}
      </Group>
      {retry.isError && <ErrorAlert error={retry.error} />}
      {stop.isError && <ErrorAlert error={stop.error} />}
    </Stack>
  );
}

export function DeliveryTable({ id }: { id: string }) {
  const { t, i18n } = useTranslation(NEWSLETTER_NS);
  const [status, setStatus] = useState<DeliveryStatus | undefined>(undefined);
  const [cursors, setCursors] = useState<Array<string | undefined>>([undefined]);
  const cursor = cursors.at(-1);
  const list = useDeliveries(id, status, cursor);
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' });

  return (
    <Stack gap="md">
      <Title order={2} fz="xl">
        {t('staff.deliveries')}
      </Title>
      <NativeSelect
        label={t('staff.filter')}
        value={status ?? ''}
        w={{ base: '100%', sm: 260 }}
        onChange={(e) => {
          const v = e.currentTarget.value;
          setStatus(v ? (v as DeliveryStatus) : undefined);
          setCursors([undefined]);
        }}
        data={[
          { value: '', label: t('staff.all') },
          ...DeliveryStatusSchema.options.map((s) => ({ value: s, label: t(`delivery.${s}`) })),
        ]}
      />
      {list.isPending ? (
        <PageLoader />
      ) : list.isError ? (
        <ErrorAlert error={list.error} />
      ) : list.data.items.length === 0 ? (
        <Text>{t('staff.noDeliveries')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={320}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('staff.email')}</Table.Th>
                <Table.Th>{t('staff.status')}</Table.Th>
                <Table.Th visibleFrom="sm">{t('staff.language')}</Table.Th>
                <Table.Th visibleFrom="sm">{t('staff.attempts')}</Table.Th>
                <Table.Th visibleFrom="md">{t('staff.error')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((d) => (
                <Table.Tr key={d.email}>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{d.email}</Table.Td>
                  <Table.Td>
                    {t(`delivery.${d.status}`)}
                    {d.sentAt ? ` · ${date.format(new Date(d.sentAt))}` : ''}
                  </Table.Td>
                  <Table.Td visibleFrom="sm">{t(`locales.${d.locale}`)}</Table.Td>
                  <Table.Td visibleFrom="sm">{d.attempts}</Table.Td>
                  <Table.Td visibleFrom="md">{d.lastError ?? ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Group gap="sm">
        {cursors.length > 1 && (
          <Button variant="default" onClick={() => setCursors([undefined])}>
            {t('staff.first')}
          </Button>
        )}
        {list.data?.nextCursor && (
          <Button
            variant="default"
            onClick={() => setCursors([...cursors, list.data.nextCursor ?? undefined])}
          >
            {t('staff.next')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
