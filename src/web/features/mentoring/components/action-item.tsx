// A follow-up action: text, owner, due date, overdue marker and, for who may, done / reopen.
import { Anchor, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MentoringAction } from '../../../../shared/mentoring.js';
import { useUpdateAction } from '../api/update-action.js';
import { MENTORING_NS } from '../messages.js';
import { formatDay } from './format.js';

export function ActionItem({
  a,
  canToggle,
  showEngagement = false,
}: {
  a: MentoringAction;
  canToggle: boolean;
  showEngagement?: boolean;
}) {
  const { t, i18n } = useTranslation(MENTORING_NS);
  const update = useUpdateAction(a.engagementId);
  return (
    <Paper component="li" withBorder p="sm" radius="md" data-testid="mentoring-action">
      <Stack gap={4}>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text fw={600} td={a.status === 'done' ? 'line-through' : undefined}>
            {a.text}
          </Text>
          {a.overdue && (
            <Badge color="red.9" variant="filled">
              {t('engagement.overdue')}
            </Badge>
          )}
          {a.status === 'done' && (
            <Badge color="teal.9" variant="filled">
              {t('engagement.done')}
            </Badge>
          )}
        </Group>
        {showEngagement && (
          <Anchor
            component={Link}
            to={`/mentoring/${a.engagementId}`}
            size="sm"
            c="teal.9"
            underline="always"
          >
            {a.organisationName}
          </Anchor>
        )}
        <Text size="sm">
          {t('engagement.owner', { name: a.owner.name })} ·{' '}
          {t('engagement.due', { date: formatDay(a.dueOn, i18n.language) })}
        </Text>
        {canToggle && (
          <Group>
            <Button
              size="xs"
              variant="light"
              c="teal.9"
              loading={update.isPending}
              onClick={() => update.mutate({ actionId: a.id, status: a.status === 'done' ? 'open' : 'done' })}
            >
              {a.status === 'done' ? t('engagement.reopen') : t('engagement.markDone')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
