// The facts of an event as a definition list: when (in its zone, and in the reader's when different),
// where, organiser, programme, audience, seats and the registration window.
import { Anchor, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { EventDetail, Seats } from '../../../../shared/events.js';
import { EVENTS_NS } from '../messages.js';
import { useEventFormat } from './format.js';
import { useEventLabels } from './labels.js';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="sm" fw={700} c="gray.8">
        {label}
      </Text>
      <Text component="dd" m={0} style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}

export function EventFacts({ event: e }: { event: EventDetail }) {
  const { t } = useTranslation(EVENTS_NS);
  const f = useEventFormat();
  const labels = useEventLabels();
  const local = f.inBrowserZone(e.startsAt, e.timeZone);
  const v = e.venue;

  const seatText = (s: Seats) =>
    s.capacity === null
      ? t('detail.unlimited')
      : s.left === 0
        ? `${f.number(s.capacity)} · ${t('detail.seatsFull')}`
        : t('detail.seatsLeftOf', { left: f.number(s.left ?? 0), total: f.number(s.capacity) });

  return (
    <Stack gap="sm" component="dl" m={0}>
      <Fact label={t('detail.when')}>
        {f.range(e.startsAt, e.endsAt, e.timeZone)}
        {local && (
          <Text component="span" display="block" size="sm" c="gray.8">
            {t('detail.yourTime', { time: local })}
          </Text>
        )}
      </Fact>
      {(e.format !== 'online' || v) && (
        <Fact label={t('detail.where')}>
          {v ? (
            <>
              <Text component="span" display="block" fw={600}>
                {v.name}
              </Text>
              {[
                v.address,
                [v.municipality, v.provinceCode ? `(${v.provinceCode})` : ''].filter(Boolean).join(' '),
                v.regionName,
              ]
                .filter((s) => s?.trim())
                .join(', ')}
            </>
          ) : (
            '—'
          )}
        </Fact>
      )}
      {e.format !== 'in_person' && <Fact label={t('list.online')}>{t('detail.onlineOnly')}</Fact>}
      <Fact label={t('detail.organiser')}>
        {e.organiser.kind === 'organisation' && e.organiser.slug ? (
          <Anchor component={Link} to={`/organisations/${e.organiser.slug}`} c="teal.9">
            {e.organiser.name}
          </Anchor>
        ) : (
          t('detail.network')
        )}
      </Fact>
      {e.programme && (
        <Fact label={t('detail.programme')}>
          <Anchor component={Link} to={`/programmes/${e.programme.slug}`} c="teal.9">
            {e.programme.name}
          </Anchor>
        </Fact>
      )}
      <Fact label={t('detail.audience')}>{labels.audience(e.audience)}</Fact>
      {(e.seats.inPerson || e.seats.online) && (
        <Fact label={t('detail.seats')}>
          {e.seats.inPerson && (
            <Text component="span" display="block">
              {e.format === 'hybrid' ? `${t('detail.seatsInPerson')}: ` : ''}
              {seatText(e.seats.inPerson)}
            </Text>
          )}
          {e.seats.online && (
            <Text component="span" display="block">
              {e.format === 'hybrid' ? `${t('detail.seatsOnline')}: ` : ''}
              {seatText(e.seats.online)}
            </Text>
          )}
          {e.maxPerOrganisation !== null && (
            <Text component="span" display="block" size="sm" c="gray.8">
              {t('detail.perOrganisation', { count: e.maxPerOrganisation })}
            </Text>
          )}
        </Fact>
      )}
      {(e.registrationOpensAt || e.registrationClosesAt) && (
        <Fact label={t('detail.registrationWindow')}>
          {e.registrationOpensAt && (
            <Text component="span" display="block">
              {t('detail.registrationOpens', { date: f.short(e.registrationOpensAt, e.timeZone) })}
            </Text>
          )}
          {e.registrationClosesAt && (
            <Text component="span" display="block">
              {t('detail.registrationCloses', { date: f.short(e.registrationClosesAt, e.timeZone) })}
            </Text>
          )}
        </Fact>
      )}
    </Stack>
  );
}
