// Item page: summary in the reader's language, current file download, version history; upload for managers.
import {
  Alert,
  Anchor,
  Badge,
  Button,
  FileInput,
  Group,
  Paper,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { pickResourceText, RESOURCE_MAX_BYTES } from '../../../shared/resources.js';
import { ErrorAlert } from '../../components/ui/error-alert.js';
import { useDeleteResource } from '../../features/resources/api/delete-resource.js';
import { useResource } from '../../features/resources/api/get-resource.js';
import { useUploadVersion } from '../../features/resources/api/upload-version.js';
import { fileKind, formatSize } from '../../features/resources/components/format.js';
import { RESOURCES_NS } from '../../features/resources/messages.js';
import { ApiError } from '../../lib/api-client.js';

function UploadForm({ id }: { id: string }) {
  const { t } = useTranslation(RESOURCES_NS);
  const [file, setFile] = useState<File | null>(null);
  const [note, setNote] = useState('');
  const [tooLarge, setTooLarge] = useState(false);
  const upload = useUploadVersion(id);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    if (file.size > RESOURCE_MAX_BYTES) {
      setTooLarge(true);
      return;
    }
    upload.mutate(
      { file, note },
      {
        onSuccess: () => {
          setFile(null);
          setNote('');
        },
      },
    );
  };
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="upload-heading">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Title order={2} size="h3" id="upload-heading">
            {t('item.upload')}
          </Title>
          <FileInput
            label={t('item.file')}
            value={file}
            onChange={(f) => {
              setFile(f);
              setTooLarge(false);
            }}
            accept=".pdf,.docx,.xlsx,.pptx,.odt,.png,.jpg,.jpeg,.webp"
            required
            error={tooLarge ? t('item.tooLarge') : undefined}
            clearable
          />
          <TextInput
            label={t('item.note')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            maxLength={1000}
          />
          {upload.isError && <ErrorAlert error={upload.error} />}
          {upload.isSuccess && (
            <Alert color="teal" role="status">
              <Text size="sm" c="teal.9">
                {t('item.uploaded')}
              </Text>
            </Alert>
          )}
          <Button type="submit" color="teal.9" w="fit-content" loading={upload.isPending} disabled={!file}>
            {t('item.send')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

export function Component() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation(RESOURCES_NS);
  const r = useResource(id);
  const del = useDeleteResource();
  const navigate = useNavigate();
  const lang = i18n.language;
  const title = r.data ? pickResourceText(r.data.title, lang) : '';
  useEffect(() => {
    document.title = `${title || t('library.title')} · Trama`;
  }, [t, title]);

  if (r.isPending) return <Skeleton h={200} radius="md" aria-hidden />;
  if (r.isError) {
    return (
      <Stack maw={900} mx="auto">
        <Title order={1}>{t('library.title')}</Title>
        {r.error instanceof ApiError && r.error.status === 404 ? (
          <Text>{t('item.notFound')}</Text>
        ) : (
          <ErrorAlert error={r.error} />
        )}
        <Anchor component={Link} to="/resources" c="teal.9">
          {t('item.back')}
        </Anchor>
      </Stack>
    );
  }
  const d = r.data;
  const summary = pickResourceText(d.summary, lang);
  const facts: Array<[string, string]> = [
    [t('item.language'), t(`languages.${d.language}`)],
    ...(d.organisation ? [[t('item.organisation'), d.organisation.name] as [string, string]] : []),
    ...(d.programme ? [[t('item.programme'), d.programme.name] as [string, string]] : []),
    ...(d.tags.length ? [[t('item.tags'), d.tags.join(', ')] as [string, string]] : []),
    [t('item.visibility'), t(`visibilities.${d.visibility}`)],
    [t('item.downloadCount'), String(d.downloadCount)],
    ...(d.collections.length
      ? [
          [t('item.collections'), d.collections.map((c) => pickResourceText(c.title, lang)).join(', ')] as [
            string,
            string,
          ],
        ]
      : []),
  ];
  return (
    <Stack gap="lg" maw={900} mx="auto">
      <Anchor component={Link} to="/resources" c="teal.9" size="sm">
        {t('item.back')}
      </Anchor>
      <Stack gap={6}>
        <Group gap="xs">
          <Badge variant="light" color="teal" c="teal.9">
            {t(`kinds.${d.kind}`)}
          </Badge>
          {d.status === 'draft' && (
            <Badge variant="outline" color="gray" c="gray.8">
              {t('statuses.draft')}
            </Badge>
          )}
        </Group>
        <Title order={1}>{title}</Title>
        {summary && (
          <Text style={{ whiteSpace: 'pre-line' }} lang={d.summary[lang] ? lang : undefined}>
            {summary}
          </Text>
        )}
      </Stack>
      <Paper withBorder p="md" radius="md">
        <Stack gap="sm">
          {d.linkUrl && (
            <Button
              component="a"
              href={d.linkUrl}
              target="_blank"
              rel="noopener noreferrer"
              color="teal.9"
              w="fit-content"
            >
              {t('item.openLink')}
            </Button>
          )}
          {d.current ? (
            <Group gap="sm" wrap="wrap">
              <Button component="a" href={`/api/v1/resources/${d.id}/download`} color="teal.9" download>
                {t('item.download')}
              </Button>
              <Text size="sm" c="gray.8">
                {`${fileKind(d.current.contentType)} · ${formatSize(d.current.sizeBytes, lang)} · ${t('item.current', { n: d.current.number })}`}
              </Text>
            </Group>
          ) : (
            !d.linkUrl && <Text c="gray.8">{t('item.noFile')}</Text>
          )}
          <Stack gap={2} component="dl" m={0}>
            {facts.map(([k, v]) => (
              <Group key={k} gap="xs" wrap="wrap">
                <Text component="dt" fw={600} size="sm">
                  {k}:
                </Text>
                <Text component="dd" size="sm" m={0}>
                  {v}
                </Text>
              </Group>
            ))}
          </Stack>
        </Stack>
      </Paper>
      {d.viewer.canManage && (
        <Group gap="sm">
          <Button component={Link} to={`/resources/${d.id}/edit`} variant="light" c="teal.9">
            {t('item.edit')}
          </Button>
          {d.viewer.canDelete && (
            <Button
              variant="outline"
              color="red.9"
              c="red.9"
              loading={del.isPending}
              onClick={() => {
                if (window.confirm(t('item.confirmDelete')))
                  del.mutate(d.id, { onSuccess: () => navigate('/resources') });
              }}
            >
              {t('item.delete')}
            </Button>
          )}
        </Group>
      )}
      {d.viewer.canManage && d.kind !== 'recording' && <UploadForm id={d.id} />}
      {d.versions.length > 0 && (
        <Stack gap="xs" component="section" aria-labelledby="versions-heading">
          <Title order={2} size="h3" id="versions-heading">
            {t('item.versions')}
          </Title>
          <Table.ScrollContainer minWidth={320}>
            <Table>
              <Table.Tbody>
                {d.versions.map((v) => (
                  <Table.Tr key={v.id}>
                    <Table.Td>
                      <Stack gap={2}>
                        <Anchor href={v.downloadUrl} c="teal.9" download>
                          {t('item.version', { n: v.number })} · {v.filename}
                        </Anchor>
                        <Text size="xs" c="gray.8">
                          {[
                            new Date(v.createdAt).toLocaleDateString(lang),
                            `${fileKind(v.contentType)} · ${formatSize(v.sizeBytes, lang)}`,
                            v.createdByName ? t('item.uploadedBy', { name: v.createdByName }) : null,
                            d.viewer.canManage ? t(`item.extraction.${v.extraction}`) : null,
                          ]
                            .filter(Boolean)
                            .join(' · ')}
                        </Text>
                        {v.note && <Text size="sm">{v.note}</Text>}
                      </Stack>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      )}
    </Stack>
  );
}
