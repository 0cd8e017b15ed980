// Managers: what participants said after the event: average, distribution of ratings, comments.
import { Alert, Group, Paper, Progress, Skeleton, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFeedbackSummary } from '../api/get-feedback.js';
import { EVENTS_NS } from '../messages.js';
import { useEventFormat } from './format.js';
import { eventErrorText } from './labels.js';

export function FeedbackPanel({ eventId }: { eventId: string }) {
  const { t, i18n } = useTranslation(EVENTS_NS);
  const f = useEventFormat();
  const summary = useFeedbackSummary(eventId);
  if (summary.isPending) return <Skeleton h={160} aria-hidden />;
  if (summary.isError) {
    return (
      <Alert color="red" variant="light" role="alert">
        <Text c="red.9">{eventErrorText(summary.error, t)}</Text>
      </Alert>
    );
  }
  const s = summary.data;
  if (s.count === 0) return <Text c="gray.8">{t('staff.noFeedback')}</Text>;
  const avg = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  return (
    <Stack gap="md">
      <Group gap="lg">
        <Paper withBorder radius="md" p="sm">
          <Text size="sm" c="gray.8">
            {t('staff.averageRating')}
          </Text>
          <Text fz={28} fw={800}>
            {s.average === null ? '—' : t('feedback.ratingValue', { value: avg.format(s.average) })}
          </Text>
        </Paper>
        <Text fw={600}>{t('staff.feedbackCount', { count: s.count })}</Text>
      </Group>
      <Stack gap={6}>
        {[5, 4, 3, 2, 1].map((n) => {
          const count = s.distribution[String(n)] ?? 0;
          return (
            <Group key={n} gap="sm" wrap="nowrap">
              <Text size="sm" w={24} ta="center">
                {f.number(n)}
              </Text>
              <Progress
                value={(count / s.count) * 100}
                style={{ flex: 1 }}
                aria-label={t('feedback.ratingValue', { value: f.number(n) })}
              />
              <Text size="sm" w={40} ta="end">
                {f.number(count)}
              </Text>
            </Group>
          );
        })}
      </Stack>
      {s.comments.length > 0 && (
        <Stack
          gap="xs"
          component="ul"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
          aria-label={t('staff.comments')}
        >
          {s.comments.map((c) => (
            <Paper
              key={`${c.createdAt}-${c.comment.slice(0, 20)}`}
              component="li"
              withBorder
              radius="md"
              p="sm"
            >
              <Text size="xs" c="gray.8">
                {t('feedback.ratingValue', { value: f.number(c.rating) })} · {f.dateTime(c.createdAt)}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                {c.comment}
              </Text>
            </Paper>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
