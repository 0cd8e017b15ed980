// Staff: who receives a campaign, with a live count of the people it reaches.
import { Checkbox, Group, Loader, MultiSelect, Radio, SimpleGrid, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Audience } from '../../../../shared/newsletter.js';
import { ORGANISATION_KINDS } from '../../../../shared/organisations.js';
import { useOrgLabels } from '../../../i18n/org-labels.js';
import { useAudienceCount } from '../api/count-audience.js';
import { useNewsletterOptions } from '../api/get-options.js';
import { useReference } from '../api/get-reference.js';
import { useEventSearch, useEventsById } from '../api/search-events.js';
import { NEWSLETTER_NS } from '../messages.js';

export function AudienceCount({ audience }: { audience: Audience }) {
  const { t } = useTranslation(NEWSLETTER_NS);
  const [debounced] = useDebouncedValue(audience, 300);
  const count = useAudienceCount(debounced);
  return (
    <Group gap="xs" role="status" aria-live="polite">
      {count.data ? (
        <Text fw={700}>{t('staff.count', { count: count.data.count })}</Text>
      ) : (
        <>
          <Loader size="xs" aria-hidden />
          <Text>{t('staff.counting')}</Text>
        </>
      )}
    </Group>
  );
}

export function AudiencePicker({
  value,
  onChange,
  disabled,
}: {
  value: Audience;
  onChange: (a: Audience) => void;
  disabled?: boolean;
}) {
  const { t, i18n } = useTranslation(NEWSLETTER_NS);
  const labels = useOrgLabels();
  const options = useNewsletterOptions();
  const reference = useReference();
  const set = (patch: Partial<Audience>) => onChange({ ...value, ...patch });

  return (
    <Stack gap="md">
      <Radio.Group
        label={t('staff.audience')}
        value={value.all ? 'all' : 'segments'}
        onChange={(v) => set({ all: v === 'all' })}
      >
        <Group mt="xs" gap="lg">
          <Radio value="all" label={t('staff.audienceAll')} disabled={disabled} />
          <Radio value="segments" label={t('staff.audienceSegments')} disabled={disabled} />
        </Group>
      </Radio.Group>
      {!value.all && (
        <>
          <Text size="sm" c="dimmed">
            {t('staff.audienceHint')}
          </Text>
          <Checkbox.Group
            label={t('staff.programmes')}
            value={value.programmeSlugs}
            onChange={(v) => set({ programmeSlugs: v })}
          >
            <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing="xs">
              {(options.data?.programmes ?? []).map((p) => (
                <Checkbox
                  key={p.slug}
                  value={p.slug}
                  disabled={disabled}
                  label={p.year ? `${p.name} (${p.year})` : p.name}
                />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <Checkbox.Group
            label={t('staff.kinds')}
            value={value.organisationKinds}
            onChange={(v) => set({ organisationKinds: v as Audience['organisationKinds'] })}
          >
            <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing="xs">
              {ORGANISATION_KINDS.map((k) => (
                <Checkbox key={k} value={k} disabled={disabled} label={labels.kind(k)} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <Checkbox.Group
            label={t('staff.regions')}
            value={value.regionCodes}
            onChange={(v) => set({ regionCodes: v })}
          >
            <SimpleGrid cols={{ base: 1, xs: 2, sm: 3 }} mt="xs" spacing="xs">
              {(reference.data?.regions ?? []).map((r) => (
                <Checkbox key={r.code} value={r.code} disabled={disabled} label={r.name} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <EventChoice
            value={value.eventIds}
            onChange={(eventIds) => set({ eventIds })}
            disabled={disabled ?? false}
          />
          <Checkbox.Group label={t('staff.topics')} value={value.topics} onChange={(v) => set({ topics: v })}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing="xs">
              {(options.data?.topics ?? []).map((f) => (
                <Checkbox
                  key={f.slug}
                  value={f.slug}
                  disabled={disabled}
                  label={f.names[i18n.language] ?? f.names.it ?? f.slug}
                />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
        </>
      )}
      <AudienceCount audience={value} />
    </Stack>
  );
}

/** Participants (confirmed or attended) of chosen events: searched by words among all events. */
function EventChoice({
  value,
  onChange,
  disabled,
}: {
  value: string[];
  onChange: (ids: string[]) => void;
  disabled: boolean;
}) {
  const { t, i18n } = useTranslation(NEWSLETTER_NS);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const found = useEventSearch(q);
  const chosen = useEventsById(value);
  const lang = i18n.language;
  const date = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'Europe/Rome' });
  const label = (e: { title: Record<string, string>; startsAt: string }) =>
    `${e.title[lang] ?? e.title.it ?? Object.values(e.title)[0] ?? ''} · ${date.format(new Date(e.startsAt))}`;
  const options = new Map<string, string>();
  for (const c of chosen) if (c.data) options.set(c.data.id, label(c.data));
  for (const e of found.data?.items ?? []) options.set(e.id, label(e));
  // An id whose event could not be read (deleted, or not loaded yet) still shows, so it can be removed.
  for (const id of value) if (!options.has(id)) options.set(id, id);
  return (
    <MultiSelect
      label={t('staff.events')}
      description={t('staff.eventsHint')}
      placeholder={value.length ? undefined : t('staff.eventsPlaceholder')}
      data={[...options].map(([v, l]) => ({ value: v, label: l }))}
      value={value}
      onChange={onChange}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={t('staff.eventsNone')}
      disabled={disabled}
      maxValues={50}
    />
  );
}
