// The short feedback form after the event: a 1–5 rating and a comment, sent once.
import { Alert, Button, Group, Paper, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSendFeedback } from '../api/send-feedback.js';
import { EVENTS_NS } from '../messages.js';
import { eventErrorText } from './labels.js';

export function FeedbackForm({
  eventId,
  token,
  alreadyGiven,
  headingLevel = 2,
}: {
  eventId: string;
  token?: string;
  alreadyGiven: boolean;
  headingLevel?: 1 | 2 | 3;
}) {
  const { t, i18n } = useTranslation(EVENTS_NS);
  const [rating, setRating] = useState('');
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const mutation = useSendFeedback(eventId);
  const nf = new Intl.NumberFormat(i18n.language);

  const title = (
    <Title order={headingLevel} fz="h3">
      {t('feedback.title')}
    </Title>
  );
  if (alreadyGiven || sent) {
    return (
      <Paper withBorder radius="md" p="md" component="section">
        <Stack gap="xs">
          {title}
          <Alert color="teal" variant="light" role="status">
            <Text size="sm" c="teal.9">
              {sent ? t('feedback.thanks') : t('feedback.already')}
            </Text>
          </Alert>
        </Stack>
      </Paper>
    );
  }

  return (
    <Paper withBorder radius="md" p="md" component="section">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!rating) {
            setError(t('validation.required'));
            return;
          }
          mutation.mutate(
            { rating: Number(rating), comment: comment.trim() || undefined, token },
            {
              onSuccess: () => setSent(true),
              onError: (err) => notifications.show({ color: 'red', message: eventErrorText(err, t) }),
            },
          );
        }}
      >
        <Stack gap="sm">
          {title}
          <Text size="sm">{t('feedback.intro')}</Text>
          <Radio.Group
            label={t('feedback.rating')}
            value={rating}
            onChange={(v) => {
              setRating(v);
              setError(null);
            }}
            required
            error={error}
          >
            <Group gap="md" mt={6}>
              {[1, 2, 3, 4, 5].map((n) => (
                <Radio
                  key={n}
                  value={String(n)}
                  label={nf.format(n)}
                  aria-label={t('feedback.ratingValue', { value: nf.format(n) })}
                  size="md"
                />
              ))}
            </Group>
          </Radio.Group>
          <Textarea
            label={t('feedback.comment')}
            value={comment}
            onChange={(e) => setComment(e.currentTarget.value)}
            autosize
            minRows={3}
            maxLength={4000}
          />
          <Group>
            <Button type="submit" loading={mutation.isPending}>
              {t('feedback.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
