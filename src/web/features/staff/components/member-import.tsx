// Import of an existing member list: a dry run reports row by row before anything is written.
import { Alert, Badge, Button, FileInput, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportAction, ImportResult } from '../../../../shared/stats.js';
import { ErrorAlert } from '../../../components/ui/error-alert.js';
import { useImportMembers } from '../api/import-members.js';
import { useFormat } from './format.js';

const ACTION_COLOURS: Record<ImportAction, string> = { create: 'teal.9', skip: 'gray.8', error: 'red.9' };

export function MemberImport() {
  const { t } = useTranslation('staff');
  const f = useFormat();
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const run = useImportMembers();

  const start = (dryRun: boolean) => {
    if (!file) return;
    run.mutate({ file, dryRun }, { onSuccess: setResult });
  };
  const canImport = result?.dryRun === true && result.summary.create > 0;

  return (
    <Stack gap="md" component="section" aria-labelledby="import-title">
      <Title order={2} id="import-title">
        {t('import.title')}
      </Title>
      <Text>{t('import.intro')}</Text>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <FileInput
          label={t('import.file')}
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          value={file}
          onChange={(f) => {
            setFile(f);
            setResult(null);
            run.reset();
          }}
          clearable
          clearButtonProps={{ 'aria-label': t('common:actions.remove') }}
          style={{ flex: '1 1 16rem' }}
          maw={420}
        />
        <Button
          variant="outline"
          disabled={!file}
          loading={run.isPending && run.variables?.dryRun}
          onClick={() => start(true)}
        >
          {t('import.dryRun')}
        </Button>
        <Button
          disabled={!canImport}
          loading={run.isPending && !run.variables?.dryRun}
          onClick={() => start(false)}
        >
          {t('import.run')}
        </Button>
      </Group>
      {run.isError && <ErrorAlert error={run.error} />}
      {result && (
        <Stack gap="sm">
          <Alert color={result.dryRun ? 'blue' : 'teal'} role="status">
            <Text size="sm" fw={600}>
              {result.dryRun
                ? t('import.dryRunDone')
                : t('import.imported', { n: f.number(result.summary.create) })}
            </Text>
            <Text size="sm">
              {t('import.summary', {
                create: f.number(result.summary.create),
                skip: f.number(result.summary.skip),
                error: f.number(result.summary.error),
              })}
            </Text>
            {canImport && (
              <Text size="sm">{t('import.confirm', { n: f.number(result.summary.create) })}</Text>
            )}
          </Alert>
          <Table.ScrollContainer minWidth={520} mah={480}>
            <Table striped verticalSpacing="xs" stickyHeader>
              <Table.Caption>{t('import.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('import.row')}</Table.Th>
                  <Table.Th scope="col">{t('import.name')}</Table.Th>
                  <Table.Th scope="col">{t('import.action')}</Table.Th>
                  <Table.Th scope="col">{t('import.errors')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {result.rows.map((r) => (
                  <Table.Tr key={r.row}>
                    <Table.Td>{f.number(r.row)}</Table.Td>
                    <Table.Th scope="row" fw={500}>
                      {r.name || '—'}
                    </Table.Th>
                    <Table.Td>
                      <Badge color={ACTION_COLOURS[r.action]} variant="filled" tt="none">
                        {t(`${result.dryRun ? 'import.actions' : 'import.actionsDone'}.${r.action}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {r.errors.length === 0 ? (
                        '—'
                      ) : (
                        <Stack gap={2} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
                          {r.errors.map((e) => (
                            <Text key={`${e.field}:${e.message}`} component="li" size="sm" c="red.9">
                              <strong>{e.field}</strong>: {e.message}
                            </Text>
                          ))}
                        </Stack>
                      )}
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
