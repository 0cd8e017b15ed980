// One engagement in a list: organisation, purpose, mentor, period and what needs attention.
import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { EngagementSummary } from '../../../../shared/mentoring.js';
import { MENTORING_NS } from '../messages.js';
import { formatDay, formatWhen } from './format.js';

export function EngagementCard({ e, headingLevel = 2 }: { e: EngagementSummary; headingLevel?: 2 | 3 }) {
  const { t, i18n } = useTranslation(MENTORING_NS);
  const lang = i18n.language;
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap={6}>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={headingLevel} fz="lg" m={0}>
            <Anchor component={Link} to={`/mentoring/${e.id}`} c="teal.9" inherit underline="always">
              {e.organisation.name}
              {e.subjectName ? ` · ${e.subjectName}` : ''}
            </Anchor>
          </Title>
          <Group gap={6}>
            <Badge variant="light" color="teal" c="teal.9">
              {t(`purposes.${e.purpose}`)}
            </Badge>
            <Badge variant="outline" color="gray" c="gray.9">
              {t(`statuses.${e.status}`)}
            </Badge>
          </Group>
        </Group>
        <Text size="sm">{t('list.mentor', { name: e.mentor.name })}</Text>
        <Text size="sm" c="gray.8">
          {e.endsOn
            ? t('list.periodTo', { from: formatDay(e.startsOn, lang), to: formatDay(e.endsOn, lang) })
            : t('list.period', { from: formatDay(e.startsOn, lang) })}
        </Text>
        {e.nextSessionAt && (
          <Text size="sm">{t('list.nextSession', { when: formatWhen(e.nextSessionAt, lang) })}</Text>
        )}
        <Group gap="xs">
          {e.overdueActions > 0 && (
            <Badge color="red.9" variant="filled">
              {t('list.overdueActions', { count: e.overdueActions })}
            </Badge>
          )}
          {e.openActions > 0 && (
            <Badge color="gray" variant="light" c="dark.9">
              {t('list.openActions', { count: e.openActions })}
            </Badge>
          )}
          {e.openRequests > 0 && (
            <Badge color="yellow" variant="light" c="dark.9">
              {t('list.openRequests', { count: e.openRequests })}
            </Badge>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
