// A person's own registration: its status, the waitlist place, the QR code and entry code once confirmed,
// the online link for confirmed participants, and cancelling (with a confirmation step).
import { Alert, Anchor, Box, Button, Group, Image, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { MyRegistration } from '../../../../shared/events.js';
import { EVENTS_NS } from '../messages.js';
import { useEventFormat } from './format.js';
import { RegistrationBadge } from './status-badge.js';

const LIVE = ['pending', 'confirmed', 'waitlisted'];

export function MyRegistrationCard({
  registration: r,
  onlineUrl,
  token,
  canCancel,
  onCancel,
  cancelling,
  headingLevel = 2,
  eventEnded = false,
}: {
  registration: MyRegistration;
  onlineUrl: string | null;
  /** Guests reach the QR code with the token of their mail link. */
  token?: string;
  canCancel: boolean;
  onCancel: () => void;
  cancelling: boolean;
  headingLevel?: 2 | 3;
  eventEnded?: boolean;
}) {
  const { t } = useTranslation(EVENTS_NS);
  const f = useEventFormat();
  const [confirming, { open, close }] = useDisclosure(false);
  const qr = r.qrUrl
    ? token
      ? `${r.qrUrl}${r.qrUrl.includes('?') ? '&' : '?'}token=${encodeURIComponent(token)}`
      : r.qrUrl
    : null;
  const seated = r.status === 'confirmed' || r.status === 'attended';

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={`reg-${r.id}`}>
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={headingLevel} fz="h3" id={`reg-${r.id}`}>
            {t('mine.title')}
          </Title>
          <RegistrationBadge status={r.status} size="lg" />
        </Group>
        <Text size="sm" c="gray.8">
          {r.name}
          {r.organisationName ? ` · ${r.organisationName}` : ''}
        </Text>
        {r.status === 'pending' && <Text size="sm">{t('mine.pendingHint')}</Text>}
        {r.status === 'waitlisted' && (
          <Alert color="orange" variant="light">
            <Text size="sm" c="gray.9" fw={600}>
              {t('mine.position', { position: f.number(r.waitlistPosition ?? 0) })}
            </Text>
            <Text size="sm" c="gray.9">
              {t('mine.waitlistHint')}
            </Text>
          </Alert>
        )}
        {r.checkedInAt && <Text size="sm">{t('mine.checkedIn', { date: f.dateTime(r.checkedInAt) })}</Text>}

        {seated && onlineUrl && !eventEnded && (
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t('mine.onlineLink')}
            </Text>
            <Group gap="sm">
              <Button component="a" href={onlineUrl} target="_blank" rel="noopener noreferrer">
                {t('mine.join')}
              </Button>
              <Anchor
                href={onlineUrl}
                target="_blank"
                rel="noopener noreferrer"
                size="sm"
                c="teal.9"
                dir="ltr"
                style={{ overflowWrap: 'anywhere' }}
              >
                {onlineUrl}
              </Anchor>
            </Group>
          </Stack>
        )}

        {seated && r.checkInCode && (
          <Stack gap="xs" align="center" py="xs">
            <Text fw={700}>{t('mine.qrTitle')}</Text>
            {qr && (
              <Box
                p="xs"
                bg="white"
                style={{ borderRadius: 8, border: '1px solid var(--mantine-color-gray-3)' }}
              >
                <Image src={qr} alt={t('mine.qrAlt')} w={208} h={208} fit="contain" />
              </Box>
            )}
            <Text size="sm" c="gray.8">
              {t('mine.code')}
            </Text>
            <Text
              fz={26}
              fw={800}
              ff="monospace"
              dir="ltr"
              data-testid="check-in-code"
              style={{ letterSpacing: '0.12em' }}
            >
              {r.checkInCode}
            </Text>
            <Text size="xs" c="gray.8" ta="center" maw={320}>
              {t('mine.qrHint')}
            </Text>
          </Stack>
        )}

        {canCancel && LIVE.includes(r.status) && !eventEnded && (
          <Group>
            <Button variant="outline" color="red" c="red.9" onClick={open}>
              {t('mine.cancel')}
            </Button>
          </Group>
        )}
      </Stack>
      <Modal opened={confirming} onClose={close} title={t('mine.cancelConfirmTitle')}>
        <Stack gap="md">
          <Text>{t('mine.cancelConfirmBody')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('mine.cancelKeep')}
            </Button>
            <Button
              color="red"
              loading={cancelling}
              onClick={() => {
                onCancel();
                close();
              }}
            >
              {t('mine.cancel')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
