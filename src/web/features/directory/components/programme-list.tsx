// Programmes as a list of links with year, dates and number of participating organisations.
import { Anchor, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ProgrammeSummary } from '../../../../shared/programmes.js';
import { DIRECTORY_NS } from '../messages.js';

/** ISO dates (YYYY-MM-DD) are calendar days: formatted in UTC so no time zone shifts them by one. */
export function formatDay(iso: string, lang: string): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${iso}T00:00:00Z`),
  );
}

export function dateRange(
  p: { startsOn: string | null; endsOn: string | null },
  lang: string,
): string | null {
  if (p.startsOn && p.endsOn) {
    const fmt = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' });
    return fmt.formatRange(new Date(`${p.startsOn}T00:00:00Z`), new Date(`${p.endsOn}T00:00:00Z`));
  }
  return p.startsOn ? formatDay(p.startsOn, lang) : p.endsOn ? formatDay(p.endsOn, lang) : null;
}

export function ProgrammeList({
  items,
  headingOrder = 3,
}: {
  items: ProgrammeSummary[];
  headingOrder?: 2 | 3;
}) {
  const { t, i18n } = useTranslation(DIRECTORY_NS);
  const nf = new Intl.NumberFormat(i18n.language);
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
      {items.map((p) => {
        const range = dateRange(p, i18n.language);
        return (
          <Card key={p.id} withBorder radius="md" padding="md" component="article">
            <Stack gap={4}>
              <Title order={headingOrder} fz="md">
                <Anchor component={Link} to={`/programmes/${p.slug}`} c="teal.9">
                  {p.name}
                </Anchor>
              </Title>
              <Group gap="xs" c="gray.7" fz="sm">
                {p.year && (
                  <Text span size="sm">
                    {t('programme.year', { year: p.year })}
                  </Text>
                )}
                {range && (
                  <Text span size="sm">
                    {range}
                  </Text>
                )}
              </Group>
              <Text size="sm" c="gray.8">
                {t('home.organisations', { count: p.organisationCount, n: nf.format(p.organisationCount) })}
              </Text>
            </Stack>
          </Card>
        );
      })}
    </SimpleGrid>
  );
}
