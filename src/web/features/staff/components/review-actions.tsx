// Approve / reject / ask for changes, each confirmed in a modal; a reason is required to reject or ask for changes.
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ui/error-alert.js';
import { type ReviewDecision, useReviewApplication } from '../api/review-application.js';

const TEXTS: Record<
  ReviewDecision,
  { button: string; title: string; help: string; label: string; color: string }
> = {
  approve: {
    button: 'review.approve',
    title: 'review.approveTitle',
    help: 'review.approveHelp',
    label: 'review.noteOptional',
    color: 'teal.9',
  },
  'request-changes': {
    button: 'review.requestChanges',
    title: 'review.changesTitle',
    help: 'review.changesHelp',
    label: 'review.changesNote',
    color: 'violet.9',
  },
  reject: {
    button: 'review.reject',
    title: 'review.rejectTitle',
    help: 'review.rejectHelp',
    label: 'review.reason',
    color: 'red.9',
  },
};

export function ReviewActions({ applicationId }: { applicationId: string }) {
  const { t } = useTranslation('staff');
  const [decision, setDecision] = useState<ReviewDecision | null>(null);
  const [note, setNote] = useState('');
  const [touched, setTouched] = useState(false);
  const review = useReviewApplication(applicationId);
  const noteRequired = decision !== null && decision !== 'approve';
  const missing = noteRequired && note.trim() === '';

  const open = (d: ReviewDecision) => {
    review.reset();
    setNote('');
    setTouched(false);
    setDecision(d);
  };
  const submit = () => {
    setTouched(true);
    if (!decision || missing) return;
    review.mutate(
      { decision, note },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t(`review.done.${decision}`) });
          setDecision(null);
        },
      },
    );
  };
  const texts = decision ? TEXTS[decision] : null;

  return (
    <>
      <Group gap="sm">
        {(Object.keys(TEXTS) as ReviewDecision[]).map((d) => (
          <Button
            key={d}
            color={TEXTS[d].color}
            variant={d === 'approve' ? 'filled' : 'outline'}
            onClick={() => open(d)}
          >
            {t(TEXTS[d].button)}
          </Button>
        ))}
      </Group>
      <Modal
        portalProps={{ target: document.getElementById('main') ?? undefined }}
        opened={decision !== null}
        onClose={() => setDecision(null)}
        title={texts ? t(texts.title) : ''}
        centered
      >
        {texts && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              submit();
            }}
          >
            <Stack gap="md">
              <Text size="sm">{t(texts.help)}</Text>
              <Textarea
                label={t(texts.label)}
                value={note}
                onChange={(e) => setNote(e.currentTarget.value)}
                required={noteRequired}
                error={touched && missing ? t('review.required') : undefined}
                autosize
                minRows={3}
                maxLength={4000}
                data-autofocus
              />
              {review.isError && <ErrorAlert error={review.error} />}
              <Group justify="flex-end" gap="sm">
                <Button variant="default" onClick={() => setDecision(null)}>
                  {t('common:actions.cancel')}
                </Button>
                <Button type="submit" color={texts.color} loading={review.isPending}>
                  {t(texts.button)}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Modal>
    </>
  );
}
