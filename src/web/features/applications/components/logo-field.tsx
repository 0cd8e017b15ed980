// Logo picker for the application: checked here for type and size, uploaded at once, previewed from the server.
import { Button, FileInput, Group, Image, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LOGO_MAX_BYTES } from '../../../../shared/organisations.js';
import { errorText } from '../../../lib/form-errors.js';
import { useUploadLogo } from '../api/upload-logo.js';
import { APPLICATIONS_NS } from '../messages.js';

const ACCEPTED = ['image/png', 'image/jpeg', 'image/webp'];

export function LogoField({
  url,
  onChange,
  error,
}: {
  url: string | null;
  onChange: (logo: { fileId: string; url: string } | null) => void;
  error?: string;
}) {
  const { t } = useTranslation(APPLICATIONS_NS);
  const upload = useUploadLogo();
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const choose = (f: File | null) => {
    setProblem(null);
    setFile(f);
    if (!f) return;
    if (!ACCEPTED.includes(f.type)) return setProblem(t('logo.badType'));
    if (f.size > LOGO_MAX_BYTES) return setProblem(t('logo.tooLarge'));
    upload.mutate(f, {
      onSuccess: (r) => onChange({ fileId: r.fileId, url: r.url }),
      onError: (err) => setProblem(errorText(err, t)),
    });
  };

  return (
    <Stack gap="sm">
      <FileInput
        label={t('logo.label')}
        description={t('logo.hint')}
        placeholder={t('logo.placeholder')}
        accept={ACCEPTED.join(',')}
        value={file}
        onChange={choose}
        clearable
        clearButtonProps={{ 'aria-label': t('logo.clearFile') }}
        error={problem ?? error}
        disabled={upload.isPending}
      />
      <div aria-live="polite">
        {upload.isPending && (
          <Text size="sm" c="gray.8">
            {t('logo.uploading')}
          </Text>
        )}
        {url && !upload.isPending && (
          <Group gap="md" align="center">
            <Paper withBorder p="xs" radius="md" bg="white">
              <Image src={url} alt={t('logo.preview')} w={96} h={96} fit="contain" />
            </Paper>
            <Stack gap={4}>
              <Text size="sm" c="teal.9" fw={600}>
                {t('logo.uploaded')}
              </Text>
              <Button
                variant="subtle"
                size="compact-sm"
                color="red"
                c="red.9"
                onClick={() => {
                  setFile(null);
                  onChange(null);
                }}
              >
                {t('logo.remove')}
              </Button>
            </Stack>
          </Group>
        )}
      </div>
    </Stack>
  );
}
