// The filters of the events list: kind, format, region, programme, organiser and dates.
import { Checkbox, MultiSelect, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EVENT_FORMATS, EVENT_KINDS } from '../../../../shared/events-constants.js';
import { EVENTS_NS } from '../messages.js';
import { useEventLabels } from './labels.js';
import type { EventFilters as Filters, MULTI, SINGLE } from './use-event-params.js';

export function EventFilters({
  filters,
  regions,
  programmes,
  organiserName,
  onMulti,
  onSingle,
  cols,
  showDates = true,
}: {
  filters: Filters;
  regions: Array<{ code: string; name: string }>;
  programmes: Array<{ slug: string; name: string }>;
  /** The name of the organisation in the URL, when the list was opened from its page. */
  organiserName?: string;
  onMulti: (name: (typeof MULTI)[number], values: string[]) => void;
  onSingle: (name: (typeof SINGLE)[number] | 'past', value: string) => void;
  cols: { base: number; sm?: number; md?: number; lg?: number };
  showDates?: boolean;
}) {
  const { t, i18n } = useTranslation(EVENTS_NS);
  const labels = useEventLabels();
  const options = useMemo(() => {
    const collator = new Intl.Collator(i18n.language);
    return {
      kinds: EVENT_KINDS.map((k) => ({ value: k, label: labels.kind(k) })),
      formats: EVENT_FORMATS.map((k) => ({ value: k, label: labels.format(k) })),
      regions: regions
        .map((r) => ({ value: r.code, label: r.name }))
        .sort((a, b) => collator.compare(a.label, b.label)),
      programmes: [
        { value: '', label: t('list.any') },
        ...programmes.map((p) => ({ value: p.slug, label: p.name })),
      ],
      organisers: [
        { value: '', label: t('list.any') },
        { value: 'network', label: t('list.organiserNetwork') },
        ...(filters.organiser && filters.organiser !== 'network'
          ? [{ value: filters.organiser, label: organiserName ?? filters.organiser }]
          : []),
      ],
    };
  }, [i18n.language, labels, regions, programmes, t, filters.organiser, organiserName]);

  return (
    <SimpleGrid cols={cols} spacing="sm" verticalSpacing="sm">
      <MultiSelect
        label={t('list.kind')}
        data={options.kinds}
        value={filters.kind}
        onChange={(v) => onMulti('kind', v)}
        placeholder={filters.kind.length ? undefined : t('list.any')}
        clearable
        comboboxProps={{ withinPortal: true }}
      />
      <MultiSelect
        label={t('list.format')}
        data={options.formats}
        value={filters.format}
        onChange={(v) => onMulti('format', v)}
        placeholder={filters.format.length ? undefined : t('list.any')}
        clearable
      />
      <MultiSelect
        label={t('list.region')}
        data={options.regions}
        value={filters.region}
        onChange={(v) => onMulti('region', v)}
        placeholder={filters.region.length ? undefined : t('list.any')}
        searchable
        clearable
      />
      <Select
        label={t('list.programme')}
        data={options.programmes}
        value={filters.programme}
        onChange={(v) => onSingle('programme', v ?? '')}
        allowDeselect={false}
        searchable
      />
      <Select
        label={t('list.organiser')}
        data={options.organisers}
        value={filters.organiser}
        onChange={(v) => onSingle('organiser', v ?? '')}
        allowDeselect={false}
      />
      {showDates && (
        <>
          <TextInput
            type="date"
            label={t('list.from')}
            value={filters.from}
            max={filters.to || undefined}
            onChange={(e) => onSingle('from', e.currentTarget.value)}
          />
          <TextInput
            type="date"
            label={t('list.to')}
            value={filters.to}
            min={filters.from || undefined}
            onChange={(e) => onSingle('to', e.currentTarget.value)}
          />
          <Checkbox
            label={t('list.past')}
            checked={filters.past}
            onChange={(e) => onSingle('past', e.currentTarget.checked ? '1' : '')}
            mt={{ base: 0, sm: 30 }}
          />
        </>
      )}
    </SimpleGrid>
  );
}
