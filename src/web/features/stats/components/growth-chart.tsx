// Members over time as a hand-drawn SVG line (no chart library, to keep the bundle small) plus its data table.
import { Box, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MemberStats } from '../../../../shared/stats.js';

const W = 720;
const H = 260;
const PAD = { top: 16, end: 16, bottom: 36, start: 48 };

/** A round step (1, 2, 5 × 10^k) giving four gridlines up to at least `v`. */
function niceStep(v: number): number {
  const raw = Math.max(1, v / 4);
  const pow = 10 ** Math.floor(Math.log10(raw));
  const m = raw / pow;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * pow;
}

export function GrowthChart({ growth }: { growth: MemberStats['growth'] }) {
  const { t, i18n } = useTranslation('stats');
  const num = new Intl.NumberFormat(i18n.language);
  const monthFmt = new Intl.DateTimeFormat(i18n.language, {
    month: 'short',
    year: '2-digit',
    timeZone: 'UTC',
  });
  const monthLong = new Intl.DateTimeFormat(i18n.language, {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const asDate = (m: string) => new Date(`${m}-01T00:00:00Z`);
  if (growth.length === 0) return <Text c="gray.8">{t('empty')}</Text>;

  const totals = growth.map((g) => g.total);
  const tick = niceStep(Math.max(...totals, ...growth.map((g) => g.joined)));
  const top = tick * Math.max(1, Math.ceil(Math.max(...totals) / tick));
  const innerW = W - PAD.start - PAD.end;
  const innerH = H - PAD.top - PAD.bottom;
  const step = innerW / Math.max(1, growth.length);
  const x = (i: number) => PAD.start + step * i + step / 2;
  const y = (v: number) => PAD.top + innerH - (v / top) * innerH;
  const ticks = Array.from({ length: Math.round(top / tick) + 1 }, (_, i) => i * tick);
  const line = growth
    .map((g, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(g.total).toFixed(1)}`)
    .join(' ');
  const first = growth[0]!;
  const last = growth[growth.length - 1]!;
  const label = t('chartLabel', {
    from: monthLong.format(asDate(first.month)),
    to: monthLong.format(asDate(last.month)),
    min: num.format(Math.min(...totals)),
    max: num.format(Math.max(...totals)),
  });
  const labelEvery = growth.length > 12 ? 3 : 1;

  return (
    <>
      {/* Time runs left to right in every language, as on printed Arabic charts of dates. */}
      <Box style={{ overflowX: 'auto' }} dir="ltr" tabIndex={0} aria-label={t('growth')} role="group">
        <svg
          viewBox={`0 0 ${W} ${H}`}
          role="img"
          aria-label={label}
          style={{ width: '100%', minWidth: 520, height: 'auto', display: 'block' }}
        >
          {ticks.map((v) => (
            <g key={v}>
              <line x1={PAD.start} x2={W - PAD.end} y1={y(v)} y2={y(v)} stroke="#dee2e6" strokeWidth={1} />
              <text x={PAD.start - 8} y={y(v) + 4} textAnchor="end" fontSize={11} fill="#343a40">
                {num.format(v)}
              </text>
            </g>
          ))}
          {growth.map((g, i) => (
            <rect
              key={`bar-${g.month}`}
              x={x(i) - step * 0.3}
              y={y(g.joined)}
              width={step * 0.6}
              height={Math.max(0, PAD.top + innerH - y(g.joined))}
              fill="#96f2d7"
            />
          ))}
          <path d={line} fill="none" stroke="#087f5b" strokeWidth={2.5} />
          {growth.map((g, i) => (
            <circle key={`pt-${g.month}`} cx={x(i)} cy={y(g.total)} r={3} fill="#087f5b" />
          ))}
          {growth.map((g, i) =>
            i % labelEvery === 0 || i === growth.length - 1 ? (
              <text
                key={`lbl-${g.month}`}
                x={x(i)}
                y={H - 12}
                textAnchor="middle"
                fontSize={11}
                fill="#343a40"
              >
                {monthFmt.format(asDate(g.month))}
              </text>
            ) : null,
          )}
        </svg>
      </Box>
      <Text size="sm" c="gray.8">
        <Box
          component="span"
          display="inline-block"
          w={12}
          h={3}
          bg="teal.9"
          me={6}
          style={{ verticalAlign: 'middle' }}
        />
        {t('total')}
        <Box
          component="span"
          display="inline-block"
          w={12}
          h={12}
          bg="teal.2"
          ms="md"
          me={6}
          style={{ verticalAlign: 'middle' }}
        />
        {t('joined')}
      </Text>
      <Box component="details" mt="xs">
        <Text component="summary" style={{ cursor: 'pointer' }} fw={600}>
          {t('showTable')}
        </Text>
        <Table.ScrollContainer minWidth={300} mt="xs">
          <Table verticalSpacing={4} striped>
            <Table.Caption>{t('growth')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('month')}</Table.Th>
                <Table.Th scope="col" ta="end">
                  {t('joined')}
                </Table.Th>
                <Table.Th scope="col" ta="end">
                  {t('total')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {growth.map((g) => (
                <Table.Tr key={g.month}>
                  <Table.Th scope="row" fw={500}>
                    {monthLong.format(asDate(g.month))}
                  </Table.Th>
                  <Table.Td ta="end">{num.format(g.joined)}</Table.Td>
                  <Table.Td ta="end">{num.format(g.total)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Box>
    </>
  );
}
