// Outgoing mail for staff: filter by recipient, read any message, page back with "load more" (keyset).
import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  Stack,
  Table,
  Text,
  TextInput,
  UnstyledButton,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MailStatus, OutboxItem } from '../../../../shared/mail.js';
import { PageLoader } from '../../../components/ui/page-loader.js';
import { ApiError } from '../../../lib/api-client.js';
import { useOutboxMail } from '../api/get-outbox-mail.js';
import { useOutbox } from '../api/list-outbox.js';
import '../messages.js';
import { PhoneCardList } from '../../../components/ui/phone-card-list.js';

const COLOURS: Record<MailStatus, string> = { pending: 'blue.9', sent: 'teal.9', failed: 'red.9' };

function StatusBadge({ status }: { status: MailStatus }) {
  const { t } = useTranslation('mail');
  return (
    <Badge color={COLOURS[status]} variant="filled" tt="none">
      {t(`statuses.${status}`)}
    </Badge>
  );
}

function ErrorText({ error }: { error: unknown }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" role="alert">
      <Text size="sm" c="red.9">
        {t(`errors.${error instanceof ApiError ? error.code : 'INTERNAL'}`)}
      </Text>
    </Alert>
  );
}

export function OutboxList() {
  const { t, i18n } = useTranslation('mail');
  const [to, setTo] = useState('');
  const [debounced] = useDebouncedValue(to.trim(), 300);
  const outbox = useOutbox(debounced);
  const [openId, setOpenId] = useState<string | null>(null);
  const fmt = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const num = new Intl.NumberFormat(i18n.language);
  const items = outbox.data?.pages.flatMap((p) => p.items) ?? [];
  const openLabel = (m: OutboxItem) => t('open', { subject: m.subject, to: m.to });

  return (
    <Stack gap="md">
      <TextInput
        label={t('filter')}
        description={t('filterHelp')}
        type="search"
        value={to}
        onChange={(e) => setTo(e.currentTarget.value)}
        maw={420}
        autoComplete="off"
      />
      {outbox.isPending ? (
        <PageLoader />
      ) : outbox.isError ? (
        <ErrorText error={outbox.error} />
      ) : items.length === 0 ? (
        <Text>{t('empty')}</Text>
      ) : (
        <>
          <Table.ScrollContainer minWidth={720} visibleFrom="sm">
            <Table striped highlightOnHover verticalSpacing="xs">
              <Table.Caption>{t('caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('subject')}</Table.Th>
                  <Table.Th scope="col">{t('to')}</Table.Th>
                  <Table.Th scope="col">{t('status')}</Table.Th>
                  <Table.Th scope="col" ta="end">
                    {t('attempts')}
                  </Table.Th>
                  <Table.Th scope="col">{t('date')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((m) => (
                  <Table.Tr key={m.id}>
                    <Table.Th scope="row" fw={500}>
                      <UnstyledButton
                        onClick={() => setOpenId(m.id)}
                        aria-label={openLabel(m)}
                        c="teal.9"
                        td="underline"
                        ta="start"
                      >
                        {m.subject}
                      </UnstyledButton>
                    </Table.Th>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>{m.to}</Table.Td>
                    <Table.Td>
                      <StatusBadge status={m.status} />
                    </Table.Td>
                    <Table.Td ta="end">{num.format(m.attempts)}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{fmt.format(new Date(m.createdAt))}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <PhoneCardList label={t('caption')}>
            {items.map((m) => (
              <Card key={m.id} component="li" withBorder padding="sm">
                <UnstyledButton
                  onClick={() => setOpenId(m.id)}
                  aria-label={openLabel(m)}
                  c="teal.9"
                  td="underline"
                  fw={600}
                  ta="start"
                >
                  {m.subject}
                </UnstyledButton>
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {m.to}
                </Text>
                <Group gap="xs" justify="space-between" mt={4}>
                  <StatusBadge status={m.status} />
                  <Text size="sm" c="gray.8">
                    {fmt.format(new Date(m.createdAt))}
                  </Text>
                </Group>
                <Text size="xs" c="gray.8">
                  {t('attemptsCount', { n: num.format(m.attempts) })}
                </Text>
              </Card>
            ))}
          </PhoneCardList>
          {outbox.hasNextPage && (
            <Group justify="center">
              <Button
                variant="default"
                onClick={() => outbox.fetchNextPage()}
                loading={outbox.isFetchingNextPage}
              >
                {t('common:actions.loadMore')}
              </Button>
            </Group>
          )}
        </>
      )}
      <MailReader id={openId} onClose={() => setOpenId(null)} />
    </Stack>
  );
}

function MailReader({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t, i18n } = useTranslation('mail');
  const mail = useOutboxMail(id);
  const fmt = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const m = mail.data;
  return (
    <Modal
      portalProps={{ target: document.getElementById('main') ?? undefined }}
      opened={id !== null}
      onClose={onClose}
      size="xl"
      title={m?.subject ?? t('title')}
      centered
    >
      {mail.isPending ? (
        <PageLoader />
      ) : mail.isError ? (
        <ErrorText error={mail.error} />
      ) : m ? (
        <Stack gap="sm">
          <Group gap="xs">
            <StatusBadge status={m.status} />
            <Text size="sm">
              {t('to')}: <strong style={{ overflowWrap: 'anywhere' }}>{m.to}</strong>
            </Text>
          </Group>
          <Text size="sm" c="gray.8">
            {t('createdAt', { date: fmt.format(new Date(m.createdAt)) })}
            {m.sentAt ? ` · ${t('sentAt', { date: fmt.format(new Date(m.sentAt)) })}` : ''} · {t('template')}:{' '}
            {m.template} · {t('language')}: {m.locale}
          </Text>
          {m.lastError && (
            <Alert color="red" title={t('lastError')}>
              <Text size="sm" c="red.9" style={{ overflowWrap: 'anywhere' }}>
                {m.lastError}
              </Text>
            </Alert>
          )}
          <Card withBorder bg="gray.0" padding="md">
            {/* The mail's own language decides its direction, whatever the interface language. */}
            <Text
              component="pre"
              m={0}
              lang={m.locale}
              dir={m.locale === 'ar' ? 'rtl' : 'ltr'}
              style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', fontFamily: 'inherit' }}
            >
              {m.text}
            </Text>
          </Card>
        </Stack>
      ) : null}
    </Modal>
  );
}
