// Materials of an event (files and links), with a remove button for managers.
import { ActionIcon, Anchor, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EventMaterial } from '../../../../shared/events.js';
import { EVENTS_NS } from '../messages.js';

function size(bytes: number | null, lang: string) {
  if (bytes === null) return '';
  const units = ['byte', 'kilobyte', 'megabyte'] as const;
  let n = bytes;
  let i = 0;
  while (n >= 1024 && i < units.length - 1) {
    n /= 1024;
    i++;
  }
  return new Intl.NumberFormat(lang, {
    style: 'unit',
    unit: units[i],
    unitDisplay: 'short',
    maximumFractionDigits: 1,
  }).format(n);
}

export function MaterialsList({
  materials,
  onRemove,
}: {
  materials: EventMaterial[];
  onRemove?: (m: EventMaterial) => void;
}) {
  const { t, i18n } = useTranslation(EVENTS_NS);
  return (
    <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {materials.map((m) => (
        <li key={m.id}>
          <Group gap="xs" wrap="nowrap" justify="space-between">
            <div style={{ minWidth: 0 }}>
              <Anchor
                href={m.url}
                c="teal.9"
                fw={600}
                {...(m.kind === 'link'
                  ? { target: '_blank', rel: 'noopener noreferrer' }
                  : { download: m.filename ?? true })}
                style={{ overflowWrap: 'anywhere' }}
              >
                {m.title}
              </Anchor>
              {m.kind === 'file' && (
                <Text size="xs" c="gray.8">
                  {[m.filename, size(m.sizeBytes, i18n.language)].filter(Boolean).join(' · ')}
                </Text>
              )}
            </div>
            {onRemove && (
              <ActionIcon
                variant="subtle"
                color="red"
                onClick={() => onRemove(m)}
                aria-label={t('staff.removeMaterial', { title: m.title })}
              >
                <span aria-hidden>✕</span>
              </ActionIcon>
            )}
          </Group>
        </li>
      ))}
    </Stack>
  );
}
