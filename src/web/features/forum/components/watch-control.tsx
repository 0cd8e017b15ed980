// How I hear of new posts in a space or thread: email at once, daily digest, in the app, muted, or not
// watching (back to the default).
import { Group, Select, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { WATCH_MODES, type WatchMode } from '../../../../shared/forum.js';
import { ErrorAlert } from '../../../components/ui/error-alert.js';
import { useSetWatch, type WatchTarget } from '../api/watch.js';
import { FORUM_NS } from '../messages.js';

export function WatchControl({ target, mode }: { target: WatchTarget; mode: WatchMode | null }) {
  const { t } = useTranslation(FORUM_NS);
  const save = useSetWatch(target);
  const [saved, setSaved] = useState(false);
  const data = [
    { value: 'none', label: t('watch.none') },
    ...WATCH_MODES.map((m) => ({ value: m, label: t(`watch.${m}`) })),
  ];
  return (
    <Group gap="xs" align="flex-end" wrap="wrap">
      <Select
        label={t('watch.label')}
        data={data}
        value={mode ?? 'none'}
        allowDeselect={false}
        w={220}
        disabled={save.isPending}
        onChange={(v) => {
          setSaved(false);
          save.mutate(v && v !== 'none' ? (v as WatchMode) : null, { onSuccess: () => setSaved(true) });
        }}
        data-testid={`watch-${target.kind}`}
      />
      <Text size="sm" c="teal.9" role="status" mb={8}>
        {saved ? t('watch.saved') : ''}
      </Text>
      {save.isError && <ErrorAlert error={save.error} />}
    </Group>
  );
}
