// A count-and-share table with inline CSS bars: readable by screen readers as a table, by eyes as a chart.
import { Box, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface ShareRow {
  value: string;
  label: string;
  count: number;
  /** 0–100; absent when a share makes no sense (e.g. applications by status). */
  percent?: number;
}

export function ShareTable({ caption, header, rows }: { caption: string; header: string; rows: ShareRow[] }) {
  const { t, i18n } = useTranslation('stats');
  const num = new Intl.NumberFormat(i18n.language);
  const pct = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 1 });
  const withPercent = rows.some((r) => r.percent !== undefined);

  return (
    <Table verticalSpacing={6}>
      <Table.Caption style={{ captionSide: 'top', textAlign: 'start' }}>
        <Text fw={700} size="lg" c="dark.9" component="span">
          {caption}
        </Text>
      </Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{header}</Table.Th>
          <Table.Th scope="col" ta="end">
            {t('count')}
          </Table.Th>
          {withPercent && <Table.Th scope="col">{t('percent')}</Table.Th>}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.value}>
            <Table.Th scope="row" fw={500}>
              {r.label}
            </Table.Th>
            <Table.Td ta="end" style={{ fontVariantNumeric: 'tabular-nums' }}>
              {num.format(r.count)}
            </Table.Td>
            {withPercent && (
              <Table.Td miw={120}>
                <Group gap="xs" wrap="nowrap">
                  <Box
                    aria-hidden
                    h={10}
                    bg="gray.2"
                    style={{ flex: 1, borderRadius: 5, overflow: 'hidden', minWidth: 32 }}
                  >
                    <Box h="100%" bg="teal.8" style={{ inlineSize: `${((r.percent ?? 0) / 100) * 100}%` }} />
                  </Box>
                  <Text size="sm" w="4em" ta="end" style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {pct.format((r.percent ?? 0) / 100)}
                  </Text>
                </Group>
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
