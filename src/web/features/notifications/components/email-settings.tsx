// How notifications arrive by email (off, immediately, daily digest): saved as soon as a choice is made.
import { Paper, Radio, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { EMAIL_MODES, type EmailMode } from '../../../../shared/notifications.js';
import { ErrorAlert } from '../../../components/ui/error-alert.js';
import { useNotificationSettings } from '../api/get-settings.js';
import { useUpdateNotificationSettings } from '../api/update-settings.js';
import { NOTIFICATIONS_NS } from '../messages.js';

export const EMAIL_SETTINGS_ID = 'email-settings';

export function EmailSettings() {
  const { t } = useTranslation(NOTIFICATIONS_NS);
  const settings = useNotificationSettings();
  const update = useUpdateNotificationSettings();
  const location = useLocation();
  const ref = useRef<HTMLElement>(null);
  // The link in every notification mail ends in #email-settings: bring the choice into view once it is there.
  const loaded = settings.isSuccess;
  useEffect(() => {
    if (loaded && location.hash === `#${EMAIL_SETTINGS_ID}`) ref.current?.scrollIntoView({ block: 'start' });
  }, [loaded, location.hash]);

  const value = update.isPending ? update.variables.emailMode : settings.data?.emailMode;
  return (
    <Paper
      ref={ref}
      id={EMAIL_SETTINGS_ID}
      component="section"
      aria-labelledby={`${EMAIL_SETTINGS_ID}-title`}
      withBorder
      p={{ base: 'md', sm: 'lg' }}
      radius="md"
    >
      <Stack gap="sm">
        <Title order={2} size="h3" id={`${EMAIL_SETTINGS_ID}-title`}>
          {t('email.title')}
        </Title>
        {settings.isPending && <Skeleton h={96} radius="md" aria-hidden />}
        {settings.isError && <ErrorAlert error={settings.error} />}
        {value && (
          <Radio.Group
            label={t('email.label')}
            value={value}
            onChange={(v) => update.mutate({ emailMode: v as EmailMode })}
          >
            <Stack gap="sm" mt="xs">
              {EMAIL_MODES.map((mode) => (
                <Radio
                  key={mode}
                  value={mode}
                  label={t(`email.${mode}`)}
                  description={t(`email.${mode}Help`)}
                />
              ))}
            </Stack>
          </Radio.Group>
        )}
        {update.isError && <ErrorAlert error={update.error} />}
        <Text size="sm" c="teal.9" role="status" aria-live="polite">
          {update.isSuccess ? t('email.saved') : ''}
        </Text>
      </Stack>
    </Paper>
  );
}
