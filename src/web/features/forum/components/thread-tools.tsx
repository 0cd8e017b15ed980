// What moderators do to a thread (pin, lock, move to another space they moderate) and what its author does
// (title and lessons).
import { Button, Group, Paper, Select, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lessons, ThreadDetail } from '../../../../shared/forum.js';
import { ErrorAlert } from '../../../components/ui/error-alert.js';
import { apiFieldErrors } from '../../../lib/form-errors.js';
import { useSpaces } from '../api/list-spaces.js';
import { useUpdateThread } from '../api/update-thread.js';
import { FORUM_NS } from '../messages.js';
import { pickText } from './format.js';

export function ModeratorTools({ thread }: { thread: ThreadDetail }) {
  const { t, i18n } = useTranslation(FORUM_NS);
  const update = useUpdateThread(thread.id);
  const spaces = useSpaces();
  const [target, setTarget] = useState<string | null>(null);
  const options = (spaces.data?.items ?? [])
    .filter((s) => s.canModerate && s.id !== thread.space.id)
    .map((s) => ({ value: s.id, label: pickText(s.name, i18n.language).text }));
  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-labelledby="thread-tools-heading">
      <Stack gap="xs">
        <Title order={2} fz="h5" id="thread-tools-heading">
          {t('page.moderatorTools')}
        </Title>
        <Group gap="xs" wrap="wrap" align="flex-end">
          <Button
            size="xs"
            variant="default"
            loading={update.isPending && update.variables?.pinned !== undefined}
            onClick={() => update.mutate({ pinned: !thread.pinned })}
          >
            {thread.pinned ? t('page.unpin') : t('page.pin')}
          </Button>
          <Button
            size="xs"
            variant="default"
            loading={update.isPending && update.variables?.locked !== undefined}
            onClick={() => update.mutate({ locked: !thread.locked })}
          >
            {thread.locked ? t('page.unlock') : t('page.lock')}
          </Button>
          {options.length > 0 && (
            <Group gap="xs" align="flex-end" wrap="wrap">
              <Select
                label={t('page.moveTo')}
                size="xs"
                data={options}
                value={target}
                onChange={setTarget}
                w={220}
              />
              <Button
                size="xs"
                variant="default"
                disabled={!target}
                loading={update.isPending && update.variables?.space !== undefined}
                onClick={() =>
                  target && update.mutate({ space: target }, { onSuccess: () => setTarget(null) })
                }
              >
                {t('page.move')}
              </Button>
            </Group>
          )}
        </Group>
        {update.isError && <ErrorAlert error={update.error} />}
      </Stack>
    </Paper>
  );
}

const LESSON_FIELDS = ['context', 'whatWeDid', 'whatWorked', 'whatDidNot'] as const;

export function ThreadEditForm({ thread, onDone }: { thread: ThreadDetail; onDone: () => void }) {
  const { t } = useTranslation(FORUM_NS);
  const update = useUpdateThread(thread.id);
  const [title, setTitle] = useState(thread.title);
  const [lessons, setLessons] = useState<Lessons | null>(thread.lessons);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (title.trim().length < 3) {
      setErrors({ title: t('validation.minLength', { count: 3 }) });
      return;
    }
    setErrors({});
    update.mutate(
      { title, ...(lessons ? { lessons } : {}) },
      { onSuccess: onDone, onError: (err) => setErrors(apiFieldErrors(err, t)) },
    );
  };
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="thread-edit-heading">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} fz="h4" id="thread-edit-heading">
            {thread.lessons ? t('page.edit') : t('page.editTitle')}
          </Title>
          <TextInput
            label={t('newThread.titleField')}
            required
            maxLength={200}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={errors.title}
          />
          {lessons &&
            LESSON_FIELDS.map((k) => (
              <Textarea
                key={k}
                label={t(`newThread.${k}`)}
                autosize
                minRows={2}
                maxLength={10_000}
                value={lessons[k]}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  setLessons((l) => (l ? { ...l, [k]: value } : l));
                }}
                error={errors[`lessons.${k}`]}
              />
            ))}
          {update.isError && Object.keys(errors).length === 0 && <ErrorAlert error={update.error} />}
          <Group gap="xs">
            <Button type="submit" color="teal.9" loading={update.isPending}>
              {t('page.save')}
            </Button>
            <Button variant="default" onClick={onDone}>
              {t('page.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
