// The audit log of an organisation: who changed its status, when, from what to what, and why.
import { Card, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../../shared/audit.js';
import { ORGANISATION_STATUSES } from '../../../../shared/organisations-constants.js';
import { useOrgLabels } from '../../../i18n/org-labels.js';
import { useFormat } from './format.js';

export function AuditHistory({ items }: { items: AuditEntry[] }) {
  const { t, i18n } = useTranslation('staff');
  const f = useFormat();
  const labels = useOrgLabels();
  if (items.length === 0) return <Text c="gray.8">{t('review.noHistory')}</Text>;
  const label = (group: string, value: string) =>
    i18n.exists(`staff:enums.${group}.${value}`) ? t(`enums.${group}.${value}`) : value.replaceAll('_', ' ');
  // An organisation status where the value is one (`rejected` is both), else an application status.
  const status = (v: string) =>
    (ORGANISATION_STATUSES as readonly string[]).includes(v) ? labels.status(v) : label('appStatusOne', v);
  const change = (e: AuditEntry) =>
    e.fromStatus || e.toStatus
      ? `${e.fromStatus ? status(e.fromStatus) : '—'} ${i18n.dir() === 'rtl' ? '←' : '→'} ${
          e.toStatus ? status(e.toStatus) : '—'
        }`
      : null;
  return (
    <>
      <Table verticalSpacing="xs" visibleFrom="sm">
        <Table.Caption>{t('review.historyCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('review.when')}</Table.Th>
            <Table.Th scope="col">{t('review.who')}</Table.Th>
            <Table.Th scope="col">{t('review.change')}</Table.Th>
            <Table.Th scope="col">{t('review.note')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td>{f.dateTime(e.createdAt)}</Table.Td>
              <Table.Td>{e.actorName ?? t('review.system')}</Table.Td>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {label('auditAction', e.action)}
                </Text>
                {change(e) && (
                  <Text size="sm" c="gray.8">
                    {change(e)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td dir="auto" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {e.note ?? '—'}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Stack
        hiddenFrom="sm"
        gap="xs"
        component="ol"
        p={0}
        m={0}
        style={{ listStyle: 'none' }}
        aria-label={t('review.historyCaption')}
      >
        {items.map((e) => (
          <Card key={e.id} component="li" withBorder padding="xs">
            <Text size="sm" fw={700}>
              {label('auditAction', e.action)}
            </Text>
            {change(e) && <Text size="sm">{change(e)}</Text>}
            <Text size="xs" c="gray.8">
              {f.dateTime(e.createdAt)} · {e.actorName ?? t('review.system')}
            </Text>
            {e.note && (
              <Text size="sm" mt={4} dir="auto" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {e.note}
              </Text>
            )}
          </Card>
        ))}
      </Stack>
    </>
  );
}
