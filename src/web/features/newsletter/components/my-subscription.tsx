// Profile section: receive the newsletter or not, in which language, about what.
import { Alert, Button, Stack, Switch, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NewsletterLocale } from '../../../../shared/newsletter.js';
import { ErrorAlert } from '../../../components/ui/error-alert.js';
import { PageLoader } from '../../../components/ui/page-loader.js';
import { useMySubscription } from '../api/get-my-subscription.js';
import { useNewsletterOptions } from '../api/get-options.js';
import { useUpdateMySubscription } from '../api/update-my-subscription.js';
import { NEWSLETTER_NS } from '../messages.js';
import { InterestsFields } from './interests-fields.js';
import { asNewsletterLocale, NewsletterLocaleSelect } from './locale-select.js';

export function MySubscriptionPanel({ emailVerified, email }: { emailVerified: boolean; email: string }) {
  const { t, i18n } = useTranslation(NEWSLETTER_NS);
  const mine = useMySubscription();
  const options = useNewsletterOptions();
  const mutation = useUpdateMySubscription();
  const [subscribed, setSubscribed] = useState(false);
  const [locale, setLocale] = useState<NewsletterLocale>(asNewsletterLocale(i18n.language));
  const [programmes, setProgrammes] = useState<string[]>([]);
  const [topics, setTopics] = useState<string[]>([]);

  const sub = mine.data?.subscription ?? null;
  useEffect(() => {
    if (!mine.data) return;
    const s = mine.data.subscription;
    setSubscribed(s?.status === 'confirmed');
    if (s) {
      setLocale(s.locale);
      setProgrammes(s.programmeSlugs);
      setTopics(s.topics);
    }
  }, [mine.data]);

  if (mine.isPending) return <PageLoader />;
  if (mine.isError) return <ErrorAlert error={mine.error} />;

  const save = () =>
    mutation.mutate(
      { subscribed, locale, programmeSlugs: programmes, topics },
      { onSuccess: () => notifications.show({ color: 'teal', message: t('mine.saved') }) },
    );

  return (
    <Stack gap="md">
      <Text role="status">
        {sub?.status === 'confirmed'
          ? t('mine.subscribed', { email: sub.email })
          : sub?.status === 'pending'
            ? t('mine.pending')
            : t('mine.notSubscribed')}
      </Text>
      {!emailVerified && (
        <Alert color="yellow" variant="light" c="yellow.9">
          {t('mine.unverified')}
        </Alert>
      )}
      <Switch
        label={t('mine.toggle')}
        description={email}
        checked={subscribed}
        disabled={!emailVerified && !subscribed}
        onChange={(e) => setSubscribed(e.currentTarget.checked)}
      />
      {subscribed && (
        <>
          <NewsletterLocaleSelect value={locale} onChange={setLocale} />
          <InterestsFields
            options={options.data}
            programmes={programmes}
            topics={topics}
            onProgrammes={setProgrammes}
            onTopics={setTopics}
          />
        </>
      )}
      {mutation.isError && <ErrorAlert error={mutation.error} />}
      <Button onClick={save} loading={mutation.isPending} w="fit-content">
        {t('mine.save')}
      </Button>
    </Stack>
  );
}
