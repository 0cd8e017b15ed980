// The organisation asks its mentor for a session: topic and up to five preferred dates.
import { Button, Group, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RequestBody } from '../../../../shared/mentoring.js';
import { ErrorAlert } from '../../../components/ui/error-alert.js';
import { useCreateRequest } from '../api/create-request.js';
import { MENTORING_NS } from '../messages.js';

export function RequestForm({ engagementId }: { engagementId: string }) {
  const { t } = useTranslation(MENTORING_NS);
  const create = useCreateRequest(engagementId);
  const [topic, setTopic] = useState('');
  const [dates, setDates] = useState<string[]>(['']);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [sent, setSent] = useState(false);

  const submit = (ev: React.FormEvent) => {
    ev.preventDefault();
    const body = { topic, preferredDates: dates.filter(Boolean), note };
    const parsed = RequestBody.safeParse(body);
    if (!parsed.success) {
      const e: Record<string, string> = {};
      for (const i of parsed.error.issues) e[String(i.path[0])] = t('validation.required');
      setErrors(e);
      return;
    }
    setErrors({});
    create.mutate(body, {
      onSuccess: () => {
        setSent(true);
        setTopic('');
        setDates(['']);
        setNote('');
      },
    });
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="request-form-title">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} id="request-form-title" fz="h3">
            {t('requestForm.title')}
          </Title>
          <TextInput
            label={t('requestForm.topic')}
            required
            value={topic}
            onChange={(e) => setTopic(e.currentTarget.value)}
            error={errors.topic}
            maxLength={500}
          />
          <Stack gap={4} role="group" aria-label={t('requestForm.dates')}>
            {dates.map((d, i) => (
              <TextInput
                // biome-ignore lint/suspicious/noArrayIndexKey: the list only grows at its end
                key={i}
                type="date"
                label={t('requestForm.date', { n: i + 1 })}
                required={i === 0}
                value={d}
                error={i === 0 ? errors.preferredDates : undefined}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  setDates((all) => all.map((x, j) => (j === i ? v : x)));
                }}
              />
            ))}
            {dates.length < 5 && (
              <Group>
                <Button variant="subtle" size="xs" c="teal.9" onClick={() => setDates((all) => [...all, ''])}>
                  {t('requestForm.addDate')}
                </Button>
              </Group>
            )}
          </Stack>
          <Textarea
            label={t('requestForm.note')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={2000}
          />
          {create.isError && <ErrorAlert error={create.error} />}
          {sent && (
            <Text role="status" c="teal.9">
              {t('requestForm.sent')}
            </Text>
          )}
          <Group>
            <Button type="submit" loading={create.isPending} color="teal.9">
              {t('requestForm.send')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
