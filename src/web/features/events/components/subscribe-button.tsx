// "Subscribe to the calendar": the feed of all public events, and of the chosen programme when one is.
import { Anchor, Button, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { EVENTS_NS } from '../messages.js';
import { absoluteUrl, CopyField, webcalUrl } from './copy-field.js';

export function SubscribeButton({ programme }: { programme?: { slug: string; name: string } | null }) {
  const { t } = useTranslation(EVENTS_NS);
  const [opened, { open, close }] = useDisclosure(false);
  const all = '/calendar/events.ics';
  const prog = programme ? `/calendar/programmes/${encodeURIComponent(programme.slug)}.ics` : null;
  return (
    <>
      <Button variant="default" onClick={open}>
        {t('list.subscribe')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('list.subscribe')} size="lg">
        <Stack gap="md">
          <Text size="sm">{t('list.subscribeIntro')}</Text>
          <CopyField label={t('list.subscribeAll')} value={absoluteUrl(all)} />
          <Anchor href={webcalUrl(all)} c="teal.9" size="sm">
            {t('list.download')}: {t('list.subscribeAll')}
          </Anchor>
          {prog && programme && (
            <>
              <CopyField
                label={`${t('list.subscribeProgramme')}: ${programme.name}`}
                value={absoluteUrl(prog)}
              />
              <Anchor href={webcalUrl(prog)} c="teal.9" size="sm">
                {t('list.download')}: {programme.name}
              </Anchor>
            </>
          )}
        </Stack>
      </Modal>
    </>
  );
}
