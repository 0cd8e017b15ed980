// Subscription form: the whole form on the newsletter page, or just the address on the home page.
import { Alert, Anchor, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type NewsletterLocale, SubscribeBody } from '../../../../shared/newsletter.js';
import { ErrorAlert } from '../../../components/ui/error-alert.js';
import { apiFieldErrors, zodValidate } from '../../../lib/form-errors.js';
import { useNewsletterOptions } from '../api/get-options.js';
import { useSubscribe } from '../api/subscribe.js';
import { NEWSLETTER_NS } from '../messages.js';
import { InterestsFields } from './interests-fields.js';
import { asNewsletterLocale, NewsletterLocaleSelect } from './locale-select.js';

type Values = {
  email: string;
  name: string;
  locale: NewsletterLocale;
  programmeSlugs: string[];
  topics: string[];
};

export function SubscribeForm({ compact = false }: { compact?: boolean }) {
  const { t, i18n } = useTranslation(NEWSLETTER_NS);
  const options = useNewsletterOptions();
  const mutation = useSubscribe();
  const form = useForm<Values>({
    initialValues: {
      email: '',
      name: '',
      locale: asNewsletterLocale(i18n.language),
      programmeSlugs: [],
      topics: [],
    },
    validate: zodValidate(SubscribeBody, t),
  });

  if (mutation.isSuccess) {
    return (
      <Alert color="teal" variant="light" role="status" c="teal.9">
        {t('subscribe.done')}
      </Alert>
    );
  }

  const submit = form.onSubmit((values) =>
    mutation.mutate(
      { ...values, name: values.name.trim() || undefined },
      { onError: (err) => form.setErrors(apiFieldErrors(err, t)) },
    ),
  );

  return (
    <form onSubmit={submit} noValidate aria-label={t('subscribe.title')}>
      <Stack gap="md">
        {mutation.isError && <ErrorAlert error={mutation.error} />}
        <TextInput
          label={t('subscribe.email')}
          type="email"
          autoComplete="email"
          required
          {...form.getInputProps('email')}
        />
        {!compact && (
          <>
            <TextInput label={t('subscribe.name')} autoComplete="name" {...form.getInputProps('name')} />
            <NewsletterLocaleSelect
              value={form.values.locale}
              onChange={(v) => form.setFieldValue('locale', v)}
            />
            <InterestsFields
              options={options.data}
              programmes={form.values.programmeSlugs}
              topics={form.values.topics}
              onProgrammes={(v) => form.setFieldValue('programmeSlugs', v)}
              onTopics={(v) => form.setFieldValue('topics', v)}
            />
            <Text size="sm" c="dimmed">
              {t('subscribe.privacy')}
            </Text>
          </>
        )}
        <Group gap="md">
          <Button type="submit" loading={mutation.isPending}>
            {t('subscribe.submit')}
          </Button>
          {compact && (
            <Anchor component={Link} to="/newsletter" size="sm" underline="always">
              {t('subscribe.more')}
            </Anchor>
          )}
        </Group>
      </Stack>
    </form>
  );
}
