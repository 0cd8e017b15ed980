// A member organisation proposes a local event (published at once when the network trusts it).
import { Alert, Anchor, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate, useParams } from 'react-router';
import { PageLoader } from '../../components/ui/page-loader.js';
import { useSession } from '../../features/auth/api/get-session.js';
import { useCreateEvent } from '../../features/events/api/create-event.js';
import { useProgrammeOptions } from '../../features/events/api/list-programmes.js';
import {
  createBodyFrom,
  type EditorSubmit,
  EventEditor,
  valuesFrom,
} from '../../features/events/components/event-editor.js';
import { EVENTS_NS } from '../../features/events/messages.js';
import { useReference } from '../../features/organisations/api/get-reference.js';

export function Component() {
  const { t } = useTranslation(EVENTS_NS);
  const { slug = '' } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const session = useSession();
  const reference = useReference();
  const programmes = useProgrammeOptions();
  const create = useCreateEvent();

  useEffect(() => {
    document.title = `${t('editor.proposeTitle')} · Trama`;
  }, [t]);

  if (session.isPending) return <PageLoader />;
  const user = session.data?.user;
  if (!user) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname)}`} replace />;
  const membership = user.memberships.find((m) => m.slug === slug);
  const allowed = membership && (membership.role === 'org_admin' || membership.role === 'operator');

  const onSubmit = ({ values }: EditorSubmit) =>
    create.mutate(createBodyFrom(values, { staff: false, publish: true, organiserSlug: slug }), {
      onSuccess: (saved) => {
        notifications.show({
          color: 'teal',
          message: saved.status === 'published' ? t('staff.published') : t('editor.proposed'),
        });
        navigate(`/events/${saved.id}`);
      },
    });

  return (
    <Stack gap="md" maw={960} mx="auto">
      <Anchor component={Link} to={`/my/organisations/${slug}`} size="sm" c="teal.9">
        {membership?.name ?? slug}
      </Anchor>
      <Title order={1}>{t('editor.proposeTitle')}</Title>
      {!allowed ? (
        <Alert color="red" variant="light" role="alert">
          <Text c="red.9">{t('common:errors.FORBIDDEN')}</Text>
        </Alert>
      ) : (
        <>
          <Text>{t('editor.proposeIntro')}</Text>
          {!reference.isPending && (
            <EventEditor
              initial={valuesFrom(null, { kind: 'local_event', format: 'in_person' })}
              mode="propose"
              programmes={programmes.data?.items ?? []}
              provinces={reference.data?.provinces ?? []}
              regions={reference.data?.regions ?? []}
              pending={create.isPending}
              error={create.error}
              onSubmit={onSubmit}
            />
          )}
        </>
      )}
    </Stack>
  );
}
