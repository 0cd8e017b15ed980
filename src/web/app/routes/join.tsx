// "Aderisci alla rete": apply to join; /join/edit/:id?token=… reopens an application the staff sent back.
import { Alert, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import type { Locale } from '../../../shared/auth.js';
import { PageLoader } from '../../components/ui/page-loader.js';
import { useApplication } from '../../features/applications/api/get-application.js';
import { useResubmitApplication } from '../../features/applications/api/resubmit-application.js';
import { useSubmitApplication } from '../../features/applications/api/submit-application.js';
import { JoinDone } from '../../features/applications/components/join-done.js';
import {
  emptyValues,
  JoinForm,
  valuesFromApplication,
} from '../../features/applications/components/join-form.js';
import { APPLICATIONS_NS } from '../../features/applications/messages.js';
import { useReference } from '../../features/organisations/api/get-reference.js';

type Sent = { name: string; email: string };

function NewApplication({ onSent }: { onSent: (s: Sent) => void }) {
  const { t, i18n } = useTranslation(APPLICATIONS_NS);
  const reference = useReference();
  const mutation = useSubmitApplication();
  return (
    <JoinForm
      reference={reference.data}
      initial={emptyValues(i18n.language as Locale)}
      initialLogoUrl={null}
      submitLabel={t('submit')}
      pending={mutation.isPending}
      submit={(body, onError) =>
        mutation.mutate(body, {
          onSuccess: () => onSent({ name: body.organisation.name, email: body.contact.email }),
          onError,
        })
      }
    />
  );
}

function EditApplication({ id, token, onSent }: { id: string; token: string; onSent: (s: Sent) => void }) {
  const { t } = useTranslation(APPLICATIONS_NS);
  const reference = useReference();
  const application = useApplication(id, token);
  const mutation = useResubmitApplication(id, token);
  if (application.isPending) return <PageLoader />;
  if (application.isError || !token) {
    return (
      <Alert color="red" variant="light" role="alert" c="red.9">
        {t('edit.invalid')}
      </Alert>
    );
  }
  const a = application.data;
  if (a.status !== 'changes_requested') {
    return (
      <Alert color="blue" variant="light" c="blue.9">
        {t('edit.notEditable')}
      </Alert>
    );
  }
  return (
    <Stack gap="lg">
      {a.reviewNote && (
        <Alert color="orange" variant="light" title={t('edit.note')} c="orange.9">
          <Text style={{ whiteSpace: 'pre-line' }} c="gray.9">
            {a.reviewNote}
          </Text>
        </Alert>
      )}
      <JoinForm
        reference={reference.data}
        initial={valuesFromApplication(a)}
        initialLogoUrl={a.organisation.logoUrl}
        submitLabel={t('resubmit')}
        pending={mutation.isPending}
        submit={(body, onError) =>
          mutation.mutate(body, {
            onSuccess: () => onSent({ name: body.organisation.name, email: body.contact.email }),
            onError,
          })
        }
      />
    </Stack>
  );
}

export function Component() {
  const { t } = useTranslation(APPLICATIONS_NS);
  const { id } = useParams();
  const [params] = useSearchParams();
  const [sent, setSent] = useState<Sent | null>(null);
  const title = id ? t('editTitle') : t('title');

  useEffect(() => {
    document.title = `${title} · Trama`;
  }, [title]);

  if (sent) return <JoinDone name={sent.name} email={sent.email} />;
  return (
    <Stack gap="lg" maw={880} mx="auto">
      <Stack gap="xs">
        <Title order={1}>{title}</Title>
        <Text c="gray.8">{t('intro')}</Text>
      </Stack>
      {id ? (
        <EditApplication id={id} token={params.get('token') ?? ''} onSent={setSent} />
      ) : (
        <NewApplication onSent={setSent} />
      )}
    </Stack>
  );
}
