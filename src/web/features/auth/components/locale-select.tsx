// Interface language picker: each language named in itself, so anyone can find theirs.
import { NativeSelect, type NativeSelectProps } from '@mantine/core';
import { LANGUAGES } from '../../../i18n/i18n.js';

export function LocaleSelect(props: Omit<NativeSelectProps, 'data'>) {
  return <NativeSelect {...props} data={LANGUAGES.map((l) => ({ value: l.code, label: l.label }))} />;
}
