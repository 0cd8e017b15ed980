// The introductory meeting with a newly approved member: a small form and the meetings recorded so far.
import { Button, Card, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ui/error-alert.js';
import { useCreateMeeting } from '../api/create-meeting.js';
import { useMeetings } from '../api/list-meetings.js';
import { useFormat } from './format.js';

const today = () => new Date().toISOString().slice(0, 10);

export function MeetingsPanel({ slug }: { slug: string }) {
  const { t } = useTranslation('staff');
  const f = useFormat();
  const meetings = useMeetings(slug);
  const create = useCreateMeeting(slug);
  const [heldOn, setHeldOn] = useState(today);
  const [participants, setParticipants] = useState('');
  const [notes, setNotes] = useState('');
  const [touched, setTouched] = useState(false);

  const submit = () => {
    setTouched(true);
    if (!heldOn || participants.trim() === '') return;
    create.mutate(
      { heldOn, participants, notes },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('meetings.saved') });
          setParticipants('');
          setNotes('');
          setTouched(false);
        },
      },
    );
  };

  return (
    <Stack gap="md">
      <Title order={2}>{t('meetings.title')}</Title>
      <Text>{t('meetings.intro')}</Text>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack gap="sm" maw={560}>
          <TextInput
            type="date"
            label={t('meetings.heldOn')}
            value={heldOn}
            onChange={(e) => setHeldOn(e.currentTarget.value)}
            required
            error={touched && !heldOn ? t('review.required') : undefined}
            w={220}
          />
          <Textarea
            label={t('meetings.participants')}
            description={t('meetings.participantsHelp')}
            value={participants}
            onChange={(e) => setParticipants(e.currentTarget.value)}
            required
            error={touched && participants.trim() === '' ? t('review.required') : undefined}
            autosize
            minRows={2}
            maxLength={2000}
          />
          <Textarea
            label={t('meetings.notes')}
            value={notes}
            onChange={(e) => setNotes(e.currentTarget.value)}
            autosize
            minRows={3}
            maxLength={10000}
          />
          {create.isError && <ErrorAlert error={create.error} />}
          <Button type="submit" loading={create.isPending} w="fit-content">
            {t('meetings.save')}
          </Button>
        </Stack>
      </form>
      <Title order={3}>{t('meetings.list')}</Title>
      {meetings.isError ? (
        <ErrorAlert error={meetings.error} />
      ) : meetings.data && meetings.data.items.length === 0 ? (
        <Text c="gray.8">{t('meetings.none')}</Text>
      ) : (
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {meetings.data?.items.map((m) => (
            <Card key={m.id} component="li" withBorder padding="sm">
              <Text fw={700}>{f.day(m.heldOn)}</Text>
              <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
                {m.participants}
              </Text>
              {m.notes && (
                <Text size="sm" mt="xs" dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
                  {m.notes}
                </Text>
              )}
              {m.recordedByName && (
                <Text size="xs" c="gray.8" mt="xs">
                  {t('meetings.recordedBy', { name: m.recordedByName })}
                </Text>
              )}
            </Card>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
