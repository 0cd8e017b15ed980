// Staff page of one programme: edit its details, assign staff with a role, add or remove organisations.
import { Anchor, Button, Card, Group, NativeSelect, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  PROGRAMME_STAFF_ROLES,
  type ProgrammeDetail,
  type ProgrammeStaffRole,
} from '../../../../shared/programmes.js';
import { PageLoader } from '../../../components/ui/page-loader.js';
import { useStaffProgramme } from '../api/staff-get-programme.js';
import { useStaffProgrammeOrganisations } from '../api/staff-programme-organisations.js';
import { useStaffProgrammeStaff } from '../api/staff-programme-staff.js';
import { useStaffSearchOrganisations } from '../api/staff-search-organisations.js';
import { useStaffSearchUsers } from '../api/staff-search-users.js';
import { useStaffUpdateProgramme } from '../api/staff-update-programme.js';
import { useStaffListProgrammesForParents } from './use-parents.js';
import '../staff-messages.js';
import { ErrorAlert } from '../../../components/ui/error-alert.js';
import { StaffProgrammeForm, toProgrammeBody } from './staff-programme-form.js';
import { usePeriod } from './staff-programme-list.js';

export function StaffProgrammeEditor({ slug }: { slug: string }) {
  const { t } = useTranslation('staffProgrammes');
  const programme = useStaffProgramme(slug);
  if (programme.isPending) return <PageLoader />;
  if (programme.isError)
    return (
      <Stack>
        <Title order={1}>{t('list.title')}</Title>
        <ErrorAlert error={programme.error} />
        <Anchor component={Link} to="/staff/programmes">
          {t('detail.back')}
        </Anchor>
      </Stack>
    );
  return <Editor p={programme.data} />;
}

function Editor({ p }: { p: ProgrammeDetail }) {
  const { t } = useTranslation('staffProgrammes');
  const update = useStaffUpdateProgramme(p.slug);
  const parents = useStaffListProgrammesForParents(p.slug);
  const period = usePeriod();

  return (
    <Stack gap="lg">
      <Group gap="md">
        <Anchor component={Link} to="/staff/programmes" size="sm">
          {t('detail.back')}
        </Anchor>
        <Anchor component={Link} to={`/programmes/${p.slug}`} size="sm">
          {t('detail.publicPage')}
        </Anchor>
      </Group>
      <Stack gap={4}>
        <Title order={1} style={{ overflowWrap: 'anywhere' }}>
          {p.name}
        </Title>
        <Text c="gray.8">
          {p.year ? `${p.year} · ` : ''}
          {period(p)}
        </Text>
      </Stack>

      <Card withBorder component="section" aria-labelledby="edit-title" maw={760}>
        <Title order={2} id="edit-title" mb="sm">
          {t('form.editTitle')}
        </Title>
        <StaffProgrammeForm
          key={p.id}
          idPrefix="edit-programme"
          initial={{
            name: p.name,
            year: p.year ? String(p.year) : '',
            startsOn: p.startsOn ?? '',
            endsOn: p.endsOn ?? '',
            descriptionIt: p.description.it ?? '',
            descriptionEn: p.description.en ?? '',
            descriptionAr: p.description.ar ?? '',
            parentSlug: p.parentSlug ?? '',
          }}
          parents={parents}
          submitLabel={t('common:actions.save')}
          pending={update.isPending}
          error={update.error}
          onSubmit={(v) =>
            update.mutate(toProgrammeBody(v), {
              onSuccess: () => notifications.show({ color: 'teal', message: t('form.saved') }),
            })
          }
        />
      </Card>

      {p.editions.length > 0 && (
        <Stack component="section" gap="xs" aria-labelledby="editions-title">
          <Title order={2} id="editions-title">
            {t('detail.editions')}
          </Title>
          <Stack component="ul" gap={4} ps="md" m={0}>
            {p.editions.map((e) => (
              <li key={e.id}>
                <Anchor component={Link} to={`/staff/programmes/${e.slug}`}>
                  {e.name}
                </Anchor>{' '}
                <Text span size="sm" c="gray.8">
                  {e.year ?? ''}
                </Text>
              </li>
            ))}
          </Stack>
        </Stack>
      )}

      <StaffSection p={p} />
      <OrganisationsSection p={p} />
    </Stack>
  );
}

function StaffSection({ p }: { p: ProgrammeDetail }) {
  const { t } = useTranslation('staffProgrammes');
  const { assign, remove } = useStaffProgrammeStaff(p.slug);
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const users = useStaffSearchUsers(debounced);
  const [userId, setUserId] = useState<string | null>(null);
  const [role, setRole] = useState<ProgrammeStaffRole>('project_manager');

  return (
    <Stack component="section" gap="sm" aria-labelledby="staff-title">
      <Title order={2} id="staff-title">
        {t('detail.staff')}
      </Title>
      {p.staff.length === 0 ? (
        <Text c="gray.8">{t('detail.noStaff')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={320}>
          <Table verticalSpacing="xs" maw={760}>
            <Table.Caption>{t('detail.staffCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('detail.person')}</Table.Th>
                <Table.Th scope="col">{t('detail.role')}</Table.Th>
                <Table.Th scope="col">{t('detail.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {p.staff.map((s) => (
                <Table.Tr key={`${s.userId}:${s.role}`}>
                  <Table.Th scope="row" fw={500}>
                    {s.name}
                  </Table.Th>
                  <Table.Td>{t(`roles.${s.role}`)}</Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="outline"
                      color="red.9"
                      loading={
                        remove.isPending &&
                        remove.variables?.userId === s.userId &&
                        remove.variables.role === s.role
                      }
                      aria-label={t('detail.removeStaff', { name: s.name, role: t(`roles.${s.role}`) })}
                      onClick={() => remove.mutate({ userId: s.userId, role: s.role })}
                    >
                      {t('common:actions.remove')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {remove.isError && <ErrorAlert error={remove.error} />}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!userId) return;
          assign.mutate(
            { userId, role },
            {
              onSuccess: () => {
                notifications.show({ color: 'teal', message: t('detail.assigned') });
                setUserId(null);
                setSearch('');
              },
            },
          );
        }}
      >
        <Group align="flex-end" gap="sm" wrap="wrap">
          <Select
            label={t('detail.searchUser')}
            description={t('detail.searchUserHelp')}
            searchable
            withScrollArea={false}
            comboboxProps={{ withinPortal: false }}
            clearable
            searchValue={search}
            onSearchChange={setSearch}
            value={userId}
            onChange={setUserId}
            filter={({ options }) => options}
            data={(users.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.name} · ${u.email}` }))}
            nothingFoundMessage={debounced.length >= 2 ? t('detail.nothingFound') : undefined}
            style={{ flex: '1 1 16rem' }}
            maw={420}
          />
          <NativeSelect
            label={t('detail.role')}
            value={role}
            onChange={(e) => setRole(e.currentTarget.value as ProgrammeStaffRole)}
            data={PROGRAMME_STAFF_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            w={{ base: '100%', xs: 220 }}
          />
          <Button type="submit" disabled={!userId} loading={assign.isPending}>
            {t('detail.assign')}
          </Button>
        </Group>
      </form>
      {assign.isError && <ErrorAlert error={assign.error} />}
    </Stack>
  );
}

function OrganisationsSection({ p }: { p: ProgrammeDetail }) {
  const { t } = useTranslation('staffProgrammes');
  const { add, remove } = useStaffProgrammeOrganisations(p.slug);
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const orgs = useStaffSearchOrganisations(debounced);
  const [orgSlug, setOrgSlug] = useState<string | null>(null);
  const already = new Set(p.organisations.map((o) => o.slug));

  return (
    <Stack component="section" gap="sm" aria-labelledby="orgs-title">
      <Title order={2} id="orgs-title">
        {t('detail.organisations')}
      </Title>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!orgSlug) return;
          add.mutate(orgSlug, {
            onSuccess: () => {
              notifications.show({ color: 'teal', message: t('detail.added') });
              setOrgSlug(null);
              setSearch('');
            },
          });
        }}
      >
        <Group align="flex-end" gap="sm" wrap="wrap">
          <Select
            label={t('detail.searchOrg')}
            description={t('detail.searchOrgHelp')}
            searchable
            withScrollArea={false}
            comboboxProps={{ withinPortal: false }}
            clearable
            searchValue={search}
            onSearchChange={setSearch}
            value={orgSlug}
            onChange={setOrgSlug}
            filter={({ options }) => options}
            data={(orgs.data?.items ?? [])
              .filter((o) => !already.has(o.slug))
              .map((o) => ({
                value: o.slug,
                label: o.municipality ? `${o.name} · ${o.municipality}` : o.name,
              }))}
            nothingFoundMessage={debounced.length >= 2 ? t('detail.nothingFound') : undefined}
            style={{ flex: '1 1 16rem' }}
            maw={480}
          />
          <Button type="submit" disabled={!orgSlug} loading={add.isPending}>
            {t('detail.add')}
          </Button>
        </Group>
      </form>
      {add.isError && <ErrorAlert error={add.error} />}
      {remove.isError && <ErrorAlert error={remove.error} />}
      {p.organisations.length === 0 ? (
        <Text c="gray.8">{t('detail.noOrgs')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={320}>
          <Table verticalSpacing="xs" striped maw={760}>
            <Table.Caption>{t('detail.orgCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('detail.organisation')}</Table.Th>
                <Table.Th scope="col">{t('detail.region')}</Table.Th>
                <Table.Th scope="col">{t('detail.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {p.organisations.map((o) => (
                <Table.Tr key={o.slug}>
                  <Table.Th scope="row" fw={500}>
                    <Anchor component={Link} to={`/organisations/${o.slug}`}>
                      {o.name}
                    </Anchor>
                  </Table.Th>
                  <Table.Td>{o.regionName ?? '—'}</Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="outline"
                      color="red.9"
                      loading={remove.isPending && remove.variables === o.slug}
                      aria-label={t('detail.removeOrg', { name: o.name })}
                      onClick={() => remove.mutate(o.slug)}
                    >
                      {t('common:actions.remove')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
