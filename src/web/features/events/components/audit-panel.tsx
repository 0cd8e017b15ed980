// Managers: the history of an event's status changes, with who and when.
import { Alert, Stack, Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useEventAudit } from '../api/event-audit.js';
import { EVENTS_NS } from '../messages.js';
import { useEventFormat } from './format.js';
import { eventErrorText, useEventLabels } from './labels.js';

export function AuditPanel({ eventId }: { eventId: string }) {
  const { t } = useTranslation(EVENTS_NS);
  const f = useEventFormat();
  const labels = useEventLabels();
  const audit = useEventAudit(eventId);
  if (audit.isPending) return null;
  if (audit.isError) {
    return (
      <Alert color="red" variant="light" role="alert">
        <Text c="red.9">{eventErrorText(audit.error, t)}</Text>
      </Alert>
    );
  }
  if (audit.data.items.length === 0) return <Text c="gray.8">{t('staff.historyEmpty')}</Text>;
  return (
    <Timeline bulletSize={14} lineWidth={2} active={audit.data.items.length}>
      {audit.data.items.map((a) => (
        <Timeline.Item
          key={a.id}
          title={
            a.toStatus
              ? `${a.fromStatus ? `${labels.eventStatus(a.fromStatus)} → ` : ''}${labels.eventStatus(a.toStatus)}`
              : t(`staff.actionNames.${a.action}`, { defaultValue: a.action })
          }
        >
          <Stack gap={2}>
            <Text size="sm" c="gray.8">
              {f.dateTime(a.createdAt)}
              {a.actorName ? ` · ${a.actorName}` : ''}
            </Text>
            {a.note && (
              <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                {a.note}
              </Text>
            )}
          </Stack>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
