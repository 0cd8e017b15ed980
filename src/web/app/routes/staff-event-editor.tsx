// Staff: create an event (draft or published) or edit one.
import { Alert, Anchor, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { PageLoader } from '../../components/ui/page-loader.js';
import { useCreateEvent } from '../../features/events/api/create-event.js';
import { useEvent } from '../../features/events/api/get-event.js';
import { useProgrammeOptions } from '../../features/events/api/list-programmes.js';
import { useUpdateEvent } from '../../features/events/api/update-event.js';
import {
  bodyFrom,
  createBodyFrom,
  type EditorSubmit,
  EventEditor,
  valuesFrom,
} from '../../features/events/components/event-editor.js';
import { eventErrorText, useEventLabels } from '../../features/events/components/labels.js';
import { EVENTS_NS } from '../../features/events/messages.js';
import { useReference } from '../../features/organisations/api/get-reference.js';
import { StaffOnly } from '../../features/staff/components/staff-only.js';

function Page() {
  const { t } = useTranslation(EVENTS_NS);
  const { id } = useParams();
  const navigate = useNavigate();
  const event = useEvent(id ?? '');
  const reference = useReference();
  const programmes = useProgrammeOptions();
  const create = useCreateEvent();
  const update = useUpdateEvent(id ?? '');
  const labels = useEventLabels();
  const editing = Boolean(id);
  const heading = editing ? t('editor.editTitle') : t('editor.createTitle');

  useEffect(() => {
    document.title = `${heading} · Trama`;
  }, [heading]);

  if (editing && event.isPending) return <PageLoader />;
  if (editing && event.isError) {
    return (
      <Stack gap="md">
        <Title order={1}>{heading}</Title>
        <Alert color="red" variant="light" role="alert">
          <Text c="red.9">{eventErrorText(event.error, t)}</Text>
        </Alert>
      </Stack>
    );
  }

  const onSubmit = ({ values, publish }: EditorSubmit) => {
    const done = (savedId: string, message: string) => {
      notifications.show({ color: 'teal', message });
      navigate(`/staff/events/${savedId}`);
    };
    if (editing && event.data) {
      update.mutate(bodyFrom(values, { staff: true }), {
        onSuccess: (saved) => done(saved.id, t('editor.saved')),
      });
    } else {
      create.mutate(
        createBodyFrom(values, { staff: true, publish, organiserSlug: values.organiserSlug || null }),
        {
          onSuccess: (saved) =>
            done(saved.id, saved.status === 'published' ? t('staff.published') : t('editor.saved')),
        },
      );
    }
  };

  return (
    <Stack gap="md" maw={960} mx="auto">
      <Anchor component={Link} to={editing ? `/staff/events/${id}` : '/staff/events'} size="sm" c="teal.9">
        {editing && event.data ? labels.title(event.data).text : t('staff.title')}
      </Anchor>
      <Title order={1}>{heading}</Title>
      {(!reference.isPending || reference.isError) && (
        <EventEditor
          key={event.data?.updatedAt ?? 'new'}
          initial={valuesFrom(event.data ?? null)}
          mode={editing ? 'staff-edit' : 'staff-create'}
          programmes={programmes.data?.items ?? []}
          provinces={reference.data?.provinces ?? []}
          regions={reference.data?.regions ?? []}
          pending={create.isPending || update.isPending}
          error={create.error ?? update.error}
          onSubmit={onSubmit}
        />
      )}
    </Stack>
  );
}

export function Component() {
  return (
    <StaffOnly>
      <Page />
    </StaffOnly>
  );
}
