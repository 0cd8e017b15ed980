// A read-only link with a copy button, for calendar feed addresses.
import { Button, Group, TextInput } from '@mantine/core';
import { useClipboard } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { EVENTS_NS } from '../messages.js';

export function CopyField({
  label,
  value,
  description,
}: {
  label: string;
  value: string;
  description?: string;
}) {
  const { t } = useTranslation(EVENTS_NS);
  const clipboard = useClipboard({ timeout: 2500 });
  return (
    <Group gap="xs" align="flex-end" wrap="nowrap">
      <TextInput
        label={label}
        description={description}
        value={value}
        readOnly
        dir="ltr"
        onFocus={(e) => e.currentTarget.select()}
        style={{ flex: 1, minWidth: 0 }}
      />
      <Button variant="default" onClick={() => clipboard.copy(value)} style={{ flexShrink: 0 }}>
        <span aria-live="polite">{clipboard.copied ? t('list.copied') : t('list.copyLink')}</span>
      </Button>
    </Group>
  );
}

/** The absolute address of a path on this site (feeds are opened by calendar apps, not by this page). */
export const absoluteUrl = (path: string) => new URL(path, window.location.origin).toString();

/** webcal:// makes phones and desktop apps offer to subscribe instead of downloading a file once. */
export const webcalUrl = (path: string) => absoluteUrl(path).replace(/^https?:/, 'webcal:');
