// Pick spoken languages from the ISO 639-1 list, each named in the reader's own language.
import { MultiSelect, type MultiSelectProps } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../../../../shared/organisations.js';

export function useLanguageOptions() {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const names = new Intl.DisplayNames([i18n.language], { type: 'language' });
    const collator = new Intl.Collator(i18n.language);
    return LANGUAGES.map((code) => ({ value: code, label: names.of(code) ?? code })).sort((a, b) =>
      collator.compare(a.label, b.label),
    );
  }, [i18n.language]);
}

export function LanguageMultiSelect(props: Omit<MultiSelectProps, 'data'>) {
  const data = useLanguageOptions();
  return (
    <MultiSelect searchable clearable hidePickedOptions maxDropdownHeight={260} {...props} data={data} />
  );
}
