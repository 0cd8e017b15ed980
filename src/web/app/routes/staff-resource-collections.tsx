// Staff editor of the library's collections: titles, position on the front page, ordered items.
import {
  ActionIcon,
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  pickResourceText,
  type ResourceCollection,
  type ResourceSummary,
} from '../../../shared/resources.js';
import { ErrorAlert } from '../../components/ui/error-alert.js';
import {
  useCollections,
  useDeleteCollection,
  useSaveCollection,
} from '../../features/resources/api/collections.js';
import { useResources } from '../../features/resources/api/list-resources.js';
import { RESOURCES_NS } from '../../features/resources/messages.js';

function CollectionEditor({ collection, all }: { collection?: ResourceCollection; all: ResourceSummary[] }) {
  const { t, i18n } = useTranslation(RESOURCES_NS);
  const [title, setTitle] = useState({
    it: collection?.title.it ?? '',
    en: collection?.title.en ?? '',
    ar: collection?.title.ar ?? '',
  });
  const [position, setPosition] = useState<number>(collection?.position ?? 0);
  const [items, setItems] = useState<ResourceSummary[]>(collection?.items ?? []);
  const [adding, setAdding] = useState<string | null>(null);
  const save = useSaveCollection();
  const del = useDeleteCollection();
  const label = (r: ResourceSummary) => pickResourceText(r.title, i18n.language);
  const move = (i: number, d: -1 | 1) =>
    setItems((xs) => {
      const next = [...xs];
      const [x] = next.splice(i, 1);
      if (x) next.splice(i + d, 0, x);
      return next;
    });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(
      { id: collection?.id, body: { title, position, resourceIds: items.map((r) => r.id) } },
      {
        onSuccess: () => {
          if (!collection) {
            setTitle({ it: '', en: '', ar: '' });
            setItems([]);
          }
        },
      },
    );
  };
  const heading = collection ? pickResourceText(collection.title, i18n.language) : t('collections.new');
  const headingId = `col-${collection?.id ?? 'new'}`;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={headingId}>
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Title order={2} size="h3" id={headingId}>
            {heading}
          </Title>
          <TextInput
            label={t('collections.titleIt')}
            required
            value={title.it}
            onChange={(e) => setTitle({ ...title, it: e.currentTarget.value })}
          />
          <TextInput
            label={t('collections.titleEn')}
            value={title.en}
            onChange={(e) => setTitle({ ...title, en: e.currentTarget.value })}
          />
          <TextInput
            label={t('collections.titleAr')}
            dir="rtl"
            lang="ar"
            value={title.ar}
            onChange={(e) => setTitle({ ...title, ar: e.currentTarget.value })}
          />
          <NumberInput
            label={t('collections.position')}
            min={0}
            max={10000}
            value={position}
            onChange={(x) => setPosition(Number(x) || 0)}
            w={160}
          />
          <Text fw={600} size="sm">
            {t('collections.items')}
          </Text>
          <Stack gap={4} component="ol" m={0} ps="lg">
            {items.map((r, i) => (
              <li key={r.id}>
                <Group gap="xs" wrap="nowrap" justify="space-between">
                  <Text size="sm">{label(r)}</Text>
                  <Group gap={4} wrap="nowrap">
                    <ActionIcon
                      variant="subtle"
                      color="teal.9"
                      disabled={i === 0}
                      onClick={() => move(i, -1)}
                      aria-label={t('collections.moveUp', { title: label(r) })}
                    >
                      ↑
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      color="teal.9"
                      disabled={i === items.length - 1}
                      onClick={() => move(i, 1)}
                      aria-label={t('collections.moveDown', { title: label(r) })}
                    >
                      ↓
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      color="red.9"
                      onClick={() => setItems(items.filter((x) => x.id !== r.id))}
                      aria-label={t('collections.remove', { title: label(r) })}
                    >
                      ×
                    </ActionIcon>
                  </Group>
                </Group>
              </li>
            ))}
          </Stack>
          <Select
            label={t('collections.add')}
            searchable
            clearable
            value={adding}
            onChange={(id) => {
              const r = all.find((x) => x.id === id);
              if (r && !items.some((x) => x.id === r.id)) setItems([...items, r]);
              setAdding(null);
            }}
            data={all
              .filter((r) => !items.some((x) => x.id === r.id))
              .map((r) => ({ value: r.id, label: label(r) }))}
          />
          {save.isError && <ErrorAlert error={save.error} />}
          {save.isSuccess && (
            <Text size="sm" c="teal.9" role="status">
              {t('collections.saved')}
            </Text>
          )}
          <Group gap="sm">
            <Button type="submit" color="teal.9" loading={save.isPending}>
              {collection ? t('collections.save') : t('collections.create')}
            </Button>
            {collection && (
              <Button
                variant="outline"
                color="red.9"
                c="red.9"
                loading={del.isPending}
                onClick={() => del.mutate(collection.id)}
              >
                {t('collections.delete')}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

export function Component() {
  const { t } = useTranslation(RESOURCES_NS);
  const collections = useCollections();
  const resources = useResources({});
  useEffect(() => {
    document.title = `${t('collections.title')} · Trama`;
  }, [t]);
  const all = resources.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack gap="lg" maw={900} mx="auto">
      <Stack gap={4}>
        <Title order={1}>{t('collections.title')}</Title>
        <Text c="gray.8">{t('collections.intro')}</Text>
      </Stack>
      {collections.isPending && <Skeleton h={160} radius="md" aria-hidden />}
      {collections.isError && <ErrorAlert error={collections.error} />}
      {collections.data?.items.map((c) => (
        <CollectionEditor key={`${c.id}-${c.items.map((i) => i.id).join()}`} collection={c} all={all} />
      ))}
      <CollectionEditor all={all} />
    </Stack>
  );
}
