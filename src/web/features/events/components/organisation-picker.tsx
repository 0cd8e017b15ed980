// A searchable pick of a member organisation (by name), for organisers and trusted organisers.
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrganisationSearch } from '../api/search-organisations.js';
import { EVENTS_NS } from '../messages.js';

export function OrganisationPicker({
  label,
  value,
  onChange,
  extra = [],
  description,
}: {
  label: string;
  value: string | null;
  onChange: (slug: string | null, name: string | null) => void;
  /** Fixed options shown before the search results (e.g. "the network"). */
  extra?: Array<{ value: string; label: string }>;
  description?: string;
}) {
  const { t } = useTranslation(EVENTS_NS);
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(null);
  const result = useOrganisationSearch(debounced);
  const found = (result.data?.items ?? []).map((o) => ({ value: o.slug, label: o.name }));
  const data = [
    ...extra,
    ...(chosen && !found.some((f) => f.value === chosen.value) ? [chosen] : []),
    ...found,
  ];
  return (
    <Select
      label={label}
      description={description}
      data={data}
      value={value}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      onChange={(slug, option) => {
        setChosen(option ?? null);
        onChange(slug, option?.label ?? null);
      }}
      nothingFoundMessage={debounced.trim().length >= 2 ? t('checkin.noResults') : t('org.searchHint')}
      clearable
    />
  );
}
