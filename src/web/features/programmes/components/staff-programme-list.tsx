// Staff list of programmes and editions, with the form to create a new one.
import { Anchor, Card, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { ProgrammeSummary } from '../../../../shared/programmes.js';
import { PageLoader } from '../../../components/ui/page-loader.js';
import { useStaffCreateProgramme } from '../api/staff-create-programme.js';
import { useStaffProgrammes } from '../api/staff-list-programmes.js';
import '../staff-messages.js';
import { ErrorAlert } from '../../../components/ui/error-alert.js';
import { PhoneCardList } from '../../../components/ui/phone-card-list.js';
import { emptyProgramme, StaffProgrammeForm, toProgrammeBody } from './staff-programme-form.js';

export function usePeriod() {
  const { i18n } = useTranslation();
  const fmt = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeZone: 'UTC' });
  const day = (d: string) => fmt.format(new Date(`${d}T00:00:00Z`));
  return (p: Pick<ProgrammeSummary, 'startsOn' | 'endsOn'>) =>
    p.startsOn && p.endsOn
      ? fmt.formatRange(new Date(`${p.startsOn}T00:00:00Z`), new Date(`${p.endsOn}T00:00:00Z`))
      : p.startsOn
        ? `${day(p.startsOn)} –`
        : p.endsOn
          ? `– ${day(p.endsOn)}`
          : '—';
}

export function StaffProgrammeList() {
  const { t, i18n } = useTranslation('staffProgrammes');
  const list = useStaffProgrammes();
  const create = useStaffCreateProgramme();
  const navigate = useNavigate();
  const period = usePeriod();
  const [formKey, setFormKey] = useState(0);
  const num = new Intl.NumberFormat(i18n.language);
  const year = new Intl.NumberFormat(i18n.language, { useGrouping: false });
  const items = list.data?.items ?? [];
  const byslug = new Map(items.map((p) => [p.slug, p]));
  // Editions are listed right under their programme, so the hierarchy reads top to bottom.
  const ordered = items
    .filter((p) => !p.parentSlug || !byslug.has(p.parentSlug))
    .flatMap((p) => [p, ...items.filter((e) => e.parentSlug === p.slug)]);

  return (
    <Stack gap="lg">
      {list.isPending ? (
        <PageLoader />
      ) : list.isError ? (
        <ErrorAlert error={list.error} />
      ) : ordered.length === 0 ? (
        <Text>{t('list.empty')}</Text>
      ) : (
        <>
          <Table.ScrollContainer minWidth={640} visibleFrom="sm">
            <Table striped verticalSpacing="sm">
              <Table.Caption>{t('list.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('list.name')}</Table.Th>
                  <Table.Th scope="col">{t('list.year')}</Table.Th>
                  <Table.Th scope="col">{t('list.period')}</Table.Th>
                  <Table.Th scope="col">{t('list.parent')}</Table.Th>
                  <Table.Th scope="col" ta="end">
                    {t('list.organisations')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {ordered.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Th scope="row" fw={600} ps={p.parentSlug ? 'xl' : undefined}>
                      <Anchor component={Link} to={`/staff/programmes/${p.slug}`}>
                        {p.name}
                      </Anchor>
                    </Table.Th>
                    <Table.Td>{p.year ? year.format(p.year) : '—'}</Table.Td>
                    <Table.Td>{period(p)}</Table.Td>
                    <Table.Td>
                      {p.parentSlug ? (byslug.get(p.parentSlug)?.name ?? p.parentSlug) : '—'}
                    </Table.Td>
                    <Table.Td ta="end">{num.format(p.organisationCount)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <PhoneCardList label={t('list.caption')}>
            {ordered.map((p) => (
              <Card key={p.id} component="li" withBorder padding="sm" ms={p.parentSlug ? 'md' : 0}>
                <Anchor component={Link} to={`/staff/programmes/${p.slug}`} fw={700}>
                  {p.name}
                </Anchor>
                {p.parentSlug && (
                  <Text size="sm" c="gray.8">
                    {t('list.edition', { name: byslug.get(p.parentSlug)?.name ?? p.parentSlug })}
                  </Text>
                )}
                <Text size="sm">
                  {p.year ? `${year.format(p.year)} · ` : ''}
                  {period(p)}
                </Text>
                <Text size="sm" c="gray.8">
                  {t('list.organisations')}: {num.format(p.organisationCount)}
                </Text>
              </Card>
            ))}
          </PhoneCardList>
        </>
      )}
      <Card withBorder component="section" aria-labelledby="new-programme-title" maw={760}>
        <Title order={2} id="new-programme-title" mb="sm">
          {t('form.createTitle')}
        </Title>
        <StaffProgrammeForm
          key={formKey}
          idPrefix="new-programme"
          initial={emptyProgramme}
          parents={items.filter((p) => !p.parentSlug)}
          submitLabel={t('form.create')}
          pending={create.isPending}
          error={create.error}
          onSubmit={(v) =>
            create.mutate(toProgrammeBody(v), {
              onSuccess: (p) => {
                notifications.show({ color: 'teal', message: t('form.created') });
                setFormKey((k) => k + 1);
                navigate(`/staff/programmes/${p.slug}`);
              },
            })
          }
        />
      </Card>
    </Stack>
  );
}
