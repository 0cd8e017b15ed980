// Staff: a campaign. A draft is written per language with a live preview (rendered by the server, exactly as
// the mail), sent to an audience picked with a live count, tested, then sent now or scheduled. Once sending,
// the page shows its progress and the status of every recipient.
import {
  Alert,
  Anchor,
  Box,
  Button,
  Checkbox,
  Grid,
  Group,
  Modal,
  Paper,
  Stack,
  Tabs,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import {
  type Audience,
  AudienceSchema,
  type CampaignContents,
  type CampaignDetail,
  NEWSLETTER_LOCALES,
  type NewsletterLocale,
} from '../../../../shared/newsletter.js';
import { ErrorAlert } from '../../../components/ui/error-alert.js';
import { PageLoader } from '../../../components/ui/page-loader.js';
import { useCancelCampaign } from '../api/cancel-campaign.js';
import { useAudienceCount } from '../api/count-audience.js';
import { useDeleteCampaign } from '../api/delete-campaign.js';
import { useCampaign } from '../api/get-campaign.js';
import { useNewsletterOptions } from '../api/get-options.js';
import { usePreview } from '../api/preview-campaign.js';
import { useScheduleCampaign } from '../api/schedule-campaign.js';
import { useSendCampaign } from '../api/send-campaign.js';
import { useSendTest } from '../api/send-test.js';
import { useUpdateCampaign } from '../api/update-campaign.js';
import { NEWSLETTER_NS } from '../messages.js';
import { AudiencePicker } from './audience-picker.js';
import { CampaignStatusBadge } from './campaign-list.js';
import { CampaignProgressPanel, DeliveryTable } from './campaign-progress.js';
import { NewsletterLocaleSelect } from './locale-select.js';

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md" component="section">
      <Stack gap="md">
        <Title order={2} fz="xl">
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

function Preview({ locale, subject, body }: { locale: NewsletterLocale; subject: string; body: string }) {
  const { t } = useTranslation(NEWSLETTER_NS);
  const [content] = useDebouncedValue({ subject, body }, 400);
  const preview = usePreview(locale, content);
  return (
    <Stack gap="xs">
      <Text fw={600} id={`preview-${locale}`}>
        {t('staff.preview')}
      </Text>
      {preview.isError && <ErrorAlert error={preview.error} />}
      <Box
        component="iframe"
        title={t('staff.previewFrame')}
        // No scripts, no same origin: the preview is inert whatever the text holds.
        sandbox=""
        srcDoc={preview.data?.html ?? ''}
        w="100%"
        h={420}
        style={{ border: '1px solid var(--mantine-color-gray-4)', borderRadius: 4, background: '#fff' }}
      />
    </Stack>
  );
}

const emptyAudience: Audience = AudienceSchema.parse({});

function Draft({ campaign }: { campaign: CampaignDetail }) {
  const { t, i18n } = useTranslation(NEWSLETTER_NS);
  const options = useNewsletterOptions();
  const defaultLocale = options.data?.defaultLocale ?? 'it';
  const navigate = useNavigate();
  const editable = campaign.status === 'draft';
  const [contents, setContents] = useState<CampaignContents>(campaign.contents);
  const [audience, setAudience] = useState<Audience>({ ...emptyAudience, ...campaign.audience });
  const [inArchive, setInArchive] = useState(campaign.inArchive);
  const [tab, setTab] = useState<NewsletterLocale>(defaultLocale);
  const [testEmail, setTestEmail] = useState('');
  const [testLocale, setTestLocale] = useState<NewsletterLocale>(defaultLocale);
  const [scheduleAt, setScheduleAt] = useState('');
  const [confirming, setConfirming] = useState<null | 'send' | 'schedule'>(null);

  useEffect(() => setTab(defaultLocale), [defaultLocale]);

  const update = useUpdateCampaign(campaign.id);
  const remove = useDeleteCampaign();
  const test = useSendTest(campaign.id);
  const send = useSendCampaign(campaign.id);
  const schedule = useScheduleCampaign(campaign.id);
  const cancel = useCancelCampaign(campaign.id);
  const count = useAudienceCount(audience);

  const dirty = useMemo(
    () =>
      JSON.stringify(contents) !== JSON.stringify(campaign.contents) ||
      JSON.stringify(audience) !== JSON.stringify({ ...emptyAudience, ...campaign.audience }) ||
      inArchive !== campaign.inArchive,
    [contents, audience, inArchive, campaign],
  );

  const setContent = (l: NewsletterLocale, patch: Partial<{ subject: string; body: string }>) =>
    setContents((c) => ({ ...c, [l]: { subject: '', body: '', ...c[l], ...patch } }));

  const save = () =>
    update.mutate(
      { contents, audience, inArchive },
      { onSuccess: () => notifications.show({ color: 'teal', message: t('staff.saved') }) },
    );

  const subject = contents[defaultLocale]?.subject ?? '';
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long', timeStyle: 'short' });
  const scheduleDate = scheduleAt ? new Date(scheduleAt) : null;

  return (
    <Stack gap="lg">
      <Section title={t('staff.content')}>
        <Text size="sm" c="dimmed">
          {t('staff.contentHint', { lang: t(`locales.${defaultLocale}`) })}
        </Text>
        <Tabs value={tab} onChange={(v) => v && setTab(v as NewsletterLocale)} keepMounted={false}>
          <Tabs.List aria-label={t('staff.languageTabs')}>
            {NEWSLETTER_LOCALES.map((l) => (
              <Tabs.Tab key={l} value={l} lang={l}>
                {t(`locales.${l}`)}
                {l === defaultLocale ? ' *' : ''}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {NEWSLETTER_LOCALES.map((l) => (
            <Tabs.Panel key={l} value={l} pt="md">
              <Grid gap="lg">
                <Grid.Col span={{ base: 12, lg: 6 }}>
                  <Stack gap="md" lang={l} dir={l === 'ar' ? 'rtl' : 'ltr'}>
                    <TextInput
                      label={t('staff.subject')}
                      value={contents[l]?.subject ?? ''}
                      required={l === defaultLocale}
                      readOnly={!editable}
                      maxLength={200}
                      onChange={(e) => setContent(l, { subject: e.currentTarget.value })}
                    />
                    <Textarea
                      label={t('staff.body')}
                      value={contents[l]?.body ?? ''}
                      required={l === defaultLocale}
                      readOnly={!editable}
                      autosize
                      minRows={12}
                      maxRows={30}
                      styles={{ input: { fontFamily: 'monospace' } }}
                      onChange={(e) => setContent(l, { body: e.currentTarget.value })}
                    />
                  </Stack>
                </Grid.Col>
                <Grid.Col span={{ base: 12, lg: 6 }}>
                  <Preview locale={l} subject={contents[l]?.subject ?? ''} body={contents[l]?.body ?? ''} />
                </Grid.Col>
              </Grid>
            </Tabs.Panel>
          ))}
        </Tabs>
      </Section>

      <Section title={t('staff.audience')}>
        <AudiencePicker value={audience} onChange={setAudience} disabled={!editable} />
        <Checkbox
          label={t('staff.inArchive')}
          checked={inArchive}
          disabled={!editable}
          onChange={(e) => setInArchive(e.currentTarget.checked)}
        />
      </Section>

      {editable && (
        <Group gap="sm">
          <Button onClick={save} loading={update.isPending} disabled={!dirty}>
            {t('staff.save')}
          </Button>
          <Button
            variant="outline"
            color="red.8"
            loading={remove.isPending}
            onClick={() => remove.mutate(campaign.id, { onSuccess: () => navigate('/staff/newsletter') })}
          >
            {t('staff.delete')}
          </Button>
        </Group>
      )}
      {update.isError && <ErrorAlert error={update.error} />}
      {remove.isError && <ErrorAlert error={remove.error} />}

      <Section title={t('staff.test')}>
        <Group align="flex-end" gap="sm">
          <TextInput
            label={t('staff.testEmail')}
            type="email"
            autoComplete="email"
            value={testEmail}
            onChange={(e) => setTestEmail(e.currentTarget.value)}
            w={{ base: '100%', sm: 300 }}
          />
          <NewsletterLocaleSelect value={testLocale} onChange={setTestLocale} label={t('staff.testLocale')} />
          <Button
            variant="default"
            loading={test.isPending}
            disabled={dirty || !testEmail}
            onClick={() =>
              test.mutate(
                { email: testEmail, locale: testLocale },
                {
                  onSuccess: () =>
                    notifications.show({ color: 'teal', message: t('staff.testSent', { email: testEmail }) }),
                },
              )
            }
          >
            {t('staff.testSend')}
          </Button>
        </Group>
        {test.isError && <ErrorAlert error={test.error} />}
      </Section>

      <Section title={t('staff.sendTitle')}>
        {dirty && (
          <Alert color="yellow" variant="light" c="yellow.9">
            {t('staff.unsaved')}
          </Alert>
        )}
        {campaign.status === 'scheduled' && campaign.scheduledAt ? (
          <Group gap="sm">
            <Text>{t('staff.scheduledFor', { date: date.format(new Date(campaign.scheduledAt)) })}</Text>
            <Button variant="outline" loading={cancel.isPending} onClick={() => cancel.mutate()}>
              {t('staff.cancelSchedule')}
            </Button>
          </Group>
        ) : (
          <Stack gap="md">
            <Button onClick={() => setConfirming('send')} disabled={dirty} w="fit-content">
              {t('staff.sendNow')}
            </Button>
            <Group align="flex-end" gap="sm">
              <TextInput
                type="datetime-local"
                label={t('staff.scheduleAt')}
                value={scheduleAt}
                onChange={(e) => setScheduleAt(e.currentTarget.value)}
                w={{ base: '100%', sm: 260 }}
              />
              <Button
                variant="default"
                disabled={dirty || !scheduleDate || Number.isNaN(scheduleDate.getTime())}
                onClick={() => setConfirming('schedule')}
              >
                {t('staff.schedule')}
              </Button>
            </Group>
          </Stack>
        )}
        {send.isError && <ErrorAlert error={send.error} />}
        {schedule.isError && <ErrorAlert error={schedule.error} />}
        {cancel.isError && <ErrorAlert error={cancel.error} />}
      </Section>

      <Modal opened={confirming !== null} onClose={() => setConfirming(null)} title={t('staff.confirmTitle')}>
        <Stack gap="md">
          <Text>
            {confirming === 'schedule' && scheduleDate
              ? t('staff.confirmSchedule', { subject, date: date.format(scheduleDate) })
              : t('staff.confirmSend', { subject, count: count.data?.count ?? 0 })}
          </Text>
          <Group gap="sm" justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(null)}>
              {t('common:actions.cancel')}
            </Button>
            <Button
              loading={send.isPending || schedule.isPending}
              onClick={() => {
                const done = { onSettled: () => setConfirming(null) };
                if (confirming === 'schedule' && scheduleDate)
                  schedule.mutate(scheduleDate.toISOString(), done);
                else send.mutate(undefined, done);
              }}
            >
              {t('staff.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

export function CampaignPage({ id }: { id: string }) {
  const { t } = useTranslation(NEWSLETTER_NS);
  const campaign = useCampaign(id);
  if (campaign.isPending) return <PageLoader />;
  if (campaign.isError) return <ErrorAlert error={campaign.error} />;
  const c = campaign.data;
  const started = c.status === 'sending' || c.status === 'sent' || c.status === 'cancelled';
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/staff/newsletter" size="sm" underline="always">
        {t('staff.back')}
      </Anchor>
      <Group gap="sm">
        <Title order={1}>{t('staff.editTitle', { subject: c.subject || t('staff.untitled') })}</Title>
        <CampaignStatusBadge status={c.status} />
      </Group>
      {started ? (
        <>
          <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md" component="section">
            <CampaignProgressPanel id={c.id} />
          </Paper>
          <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md" component="section">
            <DeliveryTable id={c.id} />
          </Paper>
        </>
      ) : (
        <Draft key={c.updatedAt} campaign={c} />
      )}
    </Stack>
  );
}
