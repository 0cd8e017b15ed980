// Replace the organisation's logo: checked here for size and type, then checked again (by content) on upload.
import {
  Button,
  Center,
  FileInput,
  Group,
  Image,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LOGO_MAX_BYTES, type OrgDetail } from '../../../../shared/organisations.js';
import { errorText } from '../../../lib/form-errors.js';
import { useUpdateOrganisation } from '../api/update-organisation.js';
import { useUploadLogo } from '../api/upload-logo.js';
import { ORG_ADMIN_NS } from './messages.js';

const ACCEPTED = ['image/png', 'image/jpeg', 'image/webp'];

function LogoBox({ src, alt, empty }: { src: string | null; alt: string; empty: string }) {
  return (
    <Paper withBorder radius="md" p="md" bg="gray.0">
      <Center h={160}>
        {src ? (
          <Image src={src} alt={alt} maw="100%" mah={150} fit="contain" />
        ) : (
          <Text c="gray.8">{empty}</Text>
        )}
      </Center>
    </Paper>
  );
}

export function LogoPanel({ org, readOnly }: { org: OrgDetail; readOnly: boolean }) {
  const { t } = useTranslation(ORG_ADMIN_NS);
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const upload = useUploadLogo();
  const update = useUpdateOrganisation(org.slug);

  useEffect(() => {
    if (!file) {
      setPreview(null);
      return;
    }
    const url = URL.createObjectURL(file);
    setPreview(url);
    return () => URL.revokeObjectURL(url);
  }, [file]);

  const choose = (f: File | null) => {
    setError(null);
    if (f && !ACCEPTED.includes(f.type)) {
      setError(t('logo.badType'));
      setFile(null);
      return;
    }
    if (f && f.size > LOGO_MAX_BYTES) {
      setError(t('logo.tooLarge'));
      setFile(null);
      return;
    }
    setFile(f);
  };

  const save = async () => {
    if (!file) return;
    try {
      const uploaded = await upload.mutateAsync(file);
      await update.mutateAsync({ logoFileId: uploaded.fileId });
      setFile(null);
      notifications.show({ color: 'teal', message: t('logo.saved') });
    } catch (err) {
      const text = errorText(err, t);
      setError(text);
      notifications.show({ color: 'red', message: text });
    }
  };

  const removeLogo = () =>
    update.mutate(
      { logoFileId: null },
      {
        onSuccess: () => notifications.show({ color: 'teal', message: t('logo.removed') }),
        onError: (err) => notifications.show({ color: 'red', message: errorText(err, t) }),
      },
    );

  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
      <Stack gap="sm">
        <Title order={2} fz="lg">
          {t('logo.current')}
        </Title>
        <LogoBox src={org.logoUrl} alt={t('logo.alt', { name: org.name })} empty={t('logo.none')} />
        {!readOnly && org.logoUrl && (
          <Group>
            <Button
              variant="subtle"
              color="red"
              c="red.9"
              onClick={removeLogo}
              loading={update.isPending && !file}
            >
              {t('logo.remove')}
            </Button>
          </Group>
        )}
      </Stack>
      {!readOnly && (
        <Stack gap="sm">
          <Title order={2} fz="lg">
            {t('logo.choose')}
          </Title>
          <FileInput
            label={t('logo.choose')}
            description={t('logo.hint')}
            accept={ACCEPTED.join(',')}
            value={file}
            onChange={choose}
            error={error}
            clearable
            clearButtonProps={{ 'aria-label': t('common:actions.remove') }}
          />
          {preview && <LogoBox src={preview} alt={t('logo.previewAlt')} empty="" />}
          <Group>
            <Button
              onClick={save}
              disabled={!file}
              loading={upload.isPending || (update.isPending && !!file)}
            >
              {t('logo.upload')}
            </Button>
          </Group>
        </Stack>
      )}
    </SimpleGrid>
  );
}
