// Public verification of a certificate of attendance by its code: valid or revoked, for whom and what.
import { Alert, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorAlert } from '../../components/ui/error-alert.js';
import { PageLoader } from '../../components/ui/page-loader.js';
import { useCertificate } from '../../features/trainings/api/verify-certificate.js';
import { useCourseFormat } from '../../features/trainings/components/format.js';
import { TRAININGS_NS } from '../../features/trainings/messages.js';
import { ApiError } from '../../lib/api-client.js';

export function Component() {
  const { code = '' } = useParams();
  const { t } = useTranslation(TRAININGS_NS);
  const f = useCourseFormat();
  const cert = useCertificate(code);
  useEffect(() => {
    document.title = `${t('verify.title')} · Trama`;
  }, [t]);
  return (
    <Stack gap="lg" maw={720} mx="auto">
      <Title order={1}>{t('verify.title')}</Title>
      {cert.isPending && <PageLoader />}
      {cert.isError &&
        (cert.error instanceof ApiError && cert.error.status === 404 ? (
          <Alert color="red" variant="light" role="alert">
            <Text c="red.9" fw={700}>
              {t('verify.unknown')}
            </Text>
            <Text c="red.9" ff="monospace" dir="ltr">
              {code}
            </Text>
          </Alert>
        ) : (
          <ErrorAlert error={cert.error} />
        ))}
      {cert.data && (
        <Paper withBorder p="md" radius="md">
          <Stack gap="md">
            <Alert
              color={cert.data.status === 'valid' ? 'teal' : 'red'}
              variant="light"
              role="status"
              data-testid="certificate-status"
            >
              <Text fw={700} c={cert.data.status === 'valid' ? 'teal.9' : 'red.9'}>
                {cert.data.status === 'valid' ? t('verify.valid') : t('verify.revoked')}
              </Text>
            </Alert>
            <Table>
              <Table.Tbody>
                <Table.Tr>
                  <Table.Th scope="row">{t('verify.holder')}</Table.Th>
                  <Table.Td>{cert.data.holderName}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th scope="row">{t('verify.course')}</Table.Th>
                  <Table.Td>{f.text(cert.data.courseTitle)}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th scope="row">{t('verify.hours')}</Table.Th>
                  <Table.Td>
                    {t('verify.hoursValue', {
                      attended: f.num(cert.data.hoursAttended),
                      total: f.num(cert.data.totalHours),
                    })}
                  </Table.Td>
                </Table.Tr>
                {cert.data.firstSessionAt && cert.data.lastSessionAt && (
                  <Table.Tr>
                    <Table.Th scope="row">{t('verify.dates')}</Table.Th>
                    <Table.Td>
                      {f.day(cert.data.firstSessionAt) === f.day(cert.data.lastSessionAt)
                        ? f.day(cert.data.firstSessionAt)
                        : `${f.day(cert.data.firstSessionAt)} – ${f.day(cert.data.lastSessionAt)}`}
                    </Table.Td>
                  </Table.Tr>
                )}
                <Table.Tr>
                  <Table.Th scope="row">{t('verify.issued')}</Table.Th>
                  <Table.Td>{f.day(cert.data.issuedAt)}</Table.Td>
                </Table.Tr>
                {cert.data.revokedAt && (
                  <Table.Tr>
                    <Table.Th scope="row">{t('verify.revokedAt')}</Table.Th>
                    <Table.Td>{f.day(cert.data.revokedAt)}</Table.Td>
                  </Table.Tr>
                )}
                <Table.Tr>
                  <Table.Th scope="row">{t('verify.issuer')}</Table.Th>
                  <Table.Td>{cert.data.networkName}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th scope="row">{t('verify.code')}</Table.Th>
                  <Table.Td ff="monospace" dir="ltr">
                    {cert.data.code}
                  </Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
