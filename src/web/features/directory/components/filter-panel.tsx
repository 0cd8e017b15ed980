// The directory's filters: one collapsible group of checkboxes per facet, each option with its count.
import { Accordion, Button, Checkbox, Group, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DirectoryResponse } from '../../../../shared/organisations.js';
import { FACET_NAMES, type FacetName } from '../../../../shared/organisations-constants.js';
import { DIRECTORY_NS } from '../messages.js';

const SHOWN = 8;

function FacetOptions({
  name,
  options,
  selected,
  onChange,
  label,
  format,
}: {
  name: FacetName;
  options: DirectoryResponse['facets'][FacetName];
  selected: string[];
  onChange: (values: string[]) => void;
  label: (name: FacetName, value: string) => string;
  format: (n: number) => string;
}) {
  const { t } = useTranslation(DIRECTORY_NS);
  const [all, setAll] = useState(false);
  // The URL changes in a transition, so a box ticked from it alone would lag behind the click; this copy
  // answers the click at once and follows the URL whenever it changes (back/forward, chips, clear all).
  const [ticked, setTicked] = useState(selected);
  useEffect(() => setTicked(selected), [selected]);
  // Selected values stay listed even when nothing matches them any more, so they can be unticked.
  const known = new Set(options.map((o) => o.value));
  const list = [
    ...options,
    ...selected.filter((v) => !known.has(v)).map((value) => ({ value, label: value, count: 0 })),
  ];
  const visible = all ? list : list.filter((o, i) => i < SHOWN || selected.includes(o.value));
  return (
    <Stack gap="xs">
      <Checkbox.Group
        value={ticked}
        onChange={(values) => {
          setTicked(values);
          onChange(values);
        }}
        label={<VisuallyHidden>{t(`directory.facets.${name}`)}</VisuallyHidden>}
      >
        <Stack gap={8} mt={4}>
          {visible.map((o) => (
            <Checkbox
              key={o.value}
              value={o.value}
              label={
                <Group gap={6} wrap="nowrap" justify="space-between" component="span">
                  <span>{label(name, o.value)}</span>
                  <Text span size="sm" c="gray.7" style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {format(o.count)}
                  </Text>
                </Group>
              }
              styles={{ labelWrapper: { flex: 1 }, body: { alignItems: 'flex-start' } }}
            />
          ))}
        </Stack>
      </Checkbox.Group>
      {list.length > SHOWN && (
        <Button
          variant="subtle"
          size="compact-sm"
          onClick={() => setAll((v) => !v)}
          style={{ alignSelf: 'flex-start' }}
        >
          {all ? t('directory.showFewer') : t('directory.showAll', { count: list.length })}
        </Button>
      )}
    </Stack>
  );
}

export function FilterPanel({
  facets,
  filters,
  onChange,
  label,
}: {
  facets: DirectoryResponse['facets'] | undefined;
  filters: Record<FacetName, string[]>;
  onChange: (name: FacetName, values: string[]) => void;
  label: (name: FacetName, value: string) => string;
}) {
  const { t, i18n } = useTranslation(DIRECTORY_NS);
  const nf = new Intl.NumberFormat(i18n.language);
  const withOptions = FACET_NAMES.filter((f) => (facets?.[f].length ?? 0) > 0 || filters[f].length > 0);
  // From the names, not from the facets: the panel mounts before the first answer, and an accordion reads its
  // default only once, so deriving it from facets that are still loading would leave every group closed.
  const opened = FACET_NAMES.filter((f) => f === 'region' || f === 'kind' || filters[f].length > 0);
  return (
    <Accordion multiple defaultValue={opened} variant="default" chevronPosition="right">
      {withOptions.map((name) => (
        <Accordion.Item key={name} value={name}>
          <Accordion.Control>
            <Text fw={600} size="sm">
              {t(`directory.facets.${name}`)}
              {filters[name].length > 0 && ` (${nf.format(filters[name].length)})`}
            </Text>
          </Accordion.Control>
          <Accordion.Panel>
            <FacetOptions
              name={name}
              options={facets?.[name] ?? []}
              selected={filters[name]}
              onChange={(values) => onChange(name, values)}
              label={label}
              format={(n) => nf.format(n)}
            />
          </Accordion.Panel>
        </Accordion.Item>
      ))}
    </Accordion>
  );
}
