// The mentor records a session (or schedules one, possibly answering a request): when, how, who, private
// notes, strengths, critical issues and follow-up actions with owner and due date.
import {
  Button,
  Checkbox,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person, SessionFormat } from '../../../../shared/mentoring.js';
import { ErrorAlert } from '../../../components/ui/error-alert.js';
import { useCreateSession } from '../api/create-session.js';
import { MENTORING_NS } from '../messages.js';

type ActionRow = { text: string; ownerUserId: string; dueOn: string };

export function SessionForm({
  engagementId,
  people,
  request,
  onDone,
}: {
  engagementId: string;
  people: Person[];
  request?: { id: string; topic: string } | undefined;
  onDone: () => void;
}) {
  const { t } = useTranslation(MENTORING_NS);
  const create = useCreateSession(engagementId);
  const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'Europe/Rome';
  const [startsAt, setStartsAt] = useState('');
  const [duration, setDuration] = useState<number>(60);
  const [format, setFormat] = useState<SessionFormat>('on_site');
  const [location, setLocation] = useState('');
  const [participantIds, setParticipantIds] = useState<string[]>(people.map((p) => p.id));
  const [notes, setNotes] = useState('');
  const [strengths, setStrengths] = useState('');
  const [criticalIssues, setCriticalIssues] = useState('');
  const [actions, setActions] = useState<ActionRow[]>([]);
  const [startsError, setStartsError] = useState<string | undefined>();
  const [actionErrors, setActionErrors] = useState<Record<number, string>>({});

  const submit = (ev: React.FormEvent) => {
    ev.preventDefault();
    const at = startsAt ? new Date(startsAt) : null;
    const errs: Record<number, string> = {};
    actions.forEach((a, i) => {
      if (a.text.trim().length < 2 || !a.ownerUserId || !a.dueOn) errs[i] = t('validation.required');
    });
    setActionErrors(errs);
    setStartsError(!at || Number.isNaN(at.getTime()) ? t('validation.required') : undefined);
    if (!at || Number.isNaN(at.getTime()) || Object.keys(errs).length > 0) return;
    create.mutate(
      {
        startsAt: at.toISOString(),
        timeZone: browserZone,
        durationMinutes: duration,
        format,
        location,
        participantIds,
        notes,
        strengths,
        criticalIssues,
        actions,
        ...(request ? { requestId: request.id } : {}),
      },
      { onSuccess: onDone },
    );
  };

  const setAction = (i: number, patch: Partial<ActionRow>) =>
    setActions((all) => all.map((a, j) => (j === i ? { ...a, ...patch } : a)));

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="session-form-title">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} id="session-form-title" fz="h3">
            {t('sessionForm.title')}
          </Title>
          {request && <Text>{t('sessionForm.forRequest', { topic: request.topic })}</Text>}
          <Group grow wrap="wrap" align="flex-start">
            <TextInput
              type="datetime-local"
              label={t('sessionForm.startsAt')}
              description={`${t('sessionForm.timeZone')}: ${browserZone}`}
              required
              value={startsAt}
              onChange={(e) => setStartsAt(e.currentTarget.value)}
              error={startsError}
              miw={200}
            />
            <NumberInput
              label={t('sessionForm.duration')}
              min={15}
              max={600}
              step={15}
              value={duration}
              onChange={(v) => setDuration(Number(v) || 60)}
              miw={140}
            />
          </Group>
          <NativeSelect
            label={t('sessionForm.format')}
            value={format}
            onChange={(e) => setFormat(e.currentTarget.value as SessionFormat)}
            data={[
              { value: 'on_site', label: t('formats.on_site') },
              { value: 'online', label: t('formats.online') },
            ]}
          />
          <TextInput
            label={t('sessionForm.location')}
            value={location}
            onChange={(e) => setLocation(e.currentTarget.value)}
            maxLength={500}
          />
          <Checkbox.Group
            label={t('sessionForm.participants')}
            value={participantIds}
            onChange={setParticipantIds}
          >
            <Stack gap={4} mt={4}>
              {people.map((p) => (
                <Checkbox key={p.id} value={p.id} label={p.name} />
              ))}
            </Stack>
          </Checkbox.Group>
          <Textarea
            label={t('sessionForm.notes')}
            value={notes}
            onChange={(e) => setNotes(e.currentTarget.value)}
            autosize
            minRows={3}
            maxLength={20000}
          />
          <Textarea
            label={t('sessionForm.strengths')}
            value={strengths}
            onChange={(e) => setStrengths(e.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={20000}
          />
          <Textarea
            label={t('sessionForm.criticalIssues')}
            value={criticalIssues}
            onChange={(e) => setCriticalIssues(e.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={20000}
          />
          <Stack gap="xs" role="group" aria-label={t('sessionForm.actions')}>
            <Text fw={600}>{t('sessionForm.actions')}</Text>
            {actions.map((a, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place and removed explicitly
              <Paper key={i} withBorder p="sm" radius="sm">
                <Stack gap={6}>
                  <TextInput
                    label={t('sessionForm.actionText', { n: i + 1 })}
                    required
                    value={a.text}
                    onChange={(e) => setAction(i, { text: e.currentTarget.value })}
                    error={actionErrors[i]}
                    maxLength={1000}
                  />
                  <Group grow wrap="wrap" align="flex-start">
                    <NativeSelect
                      label={t('sessionForm.actionOwner', { n: i + 1 })}
                      required
                      value={a.ownerUserId}
                      onChange={(e) => setAction(i, { ownerUserId: e.currentTarget.value })}
                      data={[
                        { value: '', label: '—' },
                        ...people.map((p) => ({ value: p.id, label: p.name })),
                      ]}
                      miw={180}
                    />
                    <TextInput
                      type="date"
                      label={t('sessionForm.actionDue', { n: i + 1 })}
                      required
                      value={a.dueOn}
                      onChange={(e) => setAction(i, { dueOn: e.currentTarget.value })}
                      miw={160}
                    />
                  </Group>
                  <Group>
                    <Button
                      variant="subtle"
                      color="red"
                      c="red.9"
                      size="xs"
                      onClick={() => setActions((all) => all.filter((_, j) => j !== i))}
                    >
                      {t('sessionForm.removeAction', { n: i + 1 })}
                    </Button>
                  </Group>
                </Stack>
              </Paper>
            ))}
            <Group>
              <Button
                variant="light"
                c="teal.9"
                size="xs"
                onClick={() => setActions((all) => [...all, { text: '', ownerUserId: '', dueOn: '' }])}
              >
                {t('sessionForm.addAction')}
              </Button>
            </Group>
          </Stack>
          {create.isError && <ErrorAlert error={create.error} />}
          <Group>
            <Button type="submit" color="teal.9" loading={create.isPending}>
              {t('sessionForm.save')}
            </Button>
            <Button variant="default" onClick={onDone}>
              {t('sessionForm.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
