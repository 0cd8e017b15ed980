// Managers: add materials after the event (a file or a link) and remove them.
import { Button, FileInput, Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventMaterial } from '../../../../shared/events.js';
import { MATERIAL_MAX_BYTES } from '../../../../shared/events-constants.js';
import { useAddMaterial } from '../api/add-material.js';
import { useRemoveMaterial } from '../api/remove-material.js';
import { EVENTS_NS } from '../messages.js';
import { eventErrorText } from './labels.js';
import { MaterialsList } from './materials-list.js';

export function MaterialsPanel({ eventId, materials }: { eventId: string; materials: EventMaterial[] }) {
  const { t } = useTranslation(EVENTS_NS);
  const add = useAddMaterial(eventId);
  const remove = useRemoveMaterial(eventId);
  const [kind, setKind] = useState<'file' | 'link'>('file');
  const [title, setTitle] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [url, setUrl] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (!title.trim()) found.title = t('validation.required');
    if (kind === 'file' && !file) found.file = t('validation.required');
    if (kind === 'file' && file && file.size > MATERIAL_MAX_BYTES)
      found.file = t('common:errors.PAYLOAD_TOO_LARGE');
    if (kind === 'link' && !/^https?:\/\/\S+/.test(url.trim())) found.url = t('editor.errors.badUrl');
    setErrors(found);
    if (Object.keys(found).length) return;
    add.mutate(
      kind === 'file' && file ? { title: title.trim(), file } : { title: title.trim(), url: url.trim() },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('staff.materialAdded') });
          setTitle('');
          setFile(null);
          setUrl('');
        },
        onError: (err) => notifications.show({ color: 'red', message: eventErrorText(err, t) }),
      },
    );
  };

  return (
    <Stack gap="md">
      <Text size="sm">{t('staff.materialsIntro')}</Text>
      {materials.length > 0 && (
        <MaterialsList
          materials={materials}
          onRemove={(m) =>
            remove.mutate(m.id, {
              onError: (err) => notifications.show({ color: 'red', message: eventErrorText(err, t) }),
            })
          }
        />
      )}
      <form onSubmit={submit} noValidate>
        <Stack gap="sm" maw={560}>
          <SegmentedControl
            value={kind}
            onChange={(v) => setKind(v as 'file' | 'link')}
            aria-label={t('staff.tabMaterials')}
            data={[
              { value: 'file', label: t('staff.upload') },
              { value: 'link', label: t('staff.materialUrl') },
            ]}
          />
          <TextInput
            label={t('staff.materialTitle')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            required
            error={errors.title}
            maxLength={200}
          />
          {kind === 'file' ? (
            <FileInput
              label={t('staff.uploadLabel')}
              value={file}
              onChange={setFile}
              required
              clearable
              error={errors.file}
              accept=".pdf,.docx,.xlsx,.pptx,.odt,.png,.jpg,.jpeg,.webp"
            />
          ) : (
            <TextInput
              type="url"
              label={t('staff.materialUrl')}
              value={url}
              onChange={(e) => setUrl(e.currentTarget.value)}
              required
              error={errors.url}
              dir="ltr"
              placeholder="https://"
            />
          )}
          <Group>
            <Button type="submit" loading={add.isPending}>
              {t('staff.addMaterial')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
