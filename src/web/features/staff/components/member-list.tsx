// Staff view of the organisations: search, status filter (hidden ones included), suspend/reinstate with a note.
import {
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Modal,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ORGANISATION_STATUSES, type OrganisationStatus } from '../../../../shared/organisations.js';
import { ErrorAlert } from '../../../components/ui/error-alert.js';
import { PageLoader } from '../../../components/ui/page-loader.js';
import { PhoneCardList } from '../../../components/ui/phone-card-list.js';
import { useOrgLabels } from '../../../i18n/org-labels.js';
import { type MembershipChange, useChangeMembership } from '../api/change-membership.js';
import { useOrganisation } from '../api/get-organisation.js';
import { type StaffOrgCard, useOrganisations } from '../api/list-organisations.js';
import { useFormat } from './format.js';
import { OrganisationStatusBadge } from './status-badge.js';

/** What staff usually look after: the organisations in the network, suspended ones included. */
const DEFAULT_STATUSES: OrganisationStatus[] = ['member', 'suspended'];
const isStatus = (v: string): v is OrganisationStatus =>
  (ORGANISATION_STATUSES as readonly string[]).includes(v);

export function MemberList() {
  const { t, i18n } = useTranslation('staff');
  const labels = useOrgLabels();
  const f = useFormat();
  const [q, setQ] = useState('');
  const [debouncedQ] = useDebouncedValue(q.trim(), 300);
  const [statuses, setStatuses] = useState<OrganisationStatus[]>(DEFAULT_STATUSES);
  const [page, setPage] = useState(1);
  const [managed, setManaged] = useState<ManagedOrg | null>(null);
  // No box ticked means no filter on status: every organisation, rather than an empty list.
  const list = useOrganisations({
    q: debouncedQ,
    page,
    lang: i18n.language,
    statuses: statuses.length > 0 ? statuses : [...ORGANISATION_STATUSES],
  });
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / list.data.pageSize)) : 1;
  const place = (o: StaffOrgCard) =>
    [o.municipality, o.provinceCode ? `(${o.provinceCode})` : null].filter(Boolean).join(' ') || '—';
  const badges = (o: StaffOrgCard) => (
    <Group gap={6} wrap="wrap">
      <OrganisationStatusBadge status={o.status} />
      {!o.visible && (
        <Badge variant="outline" color="gray.8" tt="none">
          {t('members.hidden')}
        </Badge>
      )}
    </Group>
  );

  return (
    <Stack gap="md">
      <Group align="flex-end" gap="md" wrap="wrap">
        <TextInput
          label={t('members.search')}
          type="search"
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            setPage(1);
          }}
          style={{ flex: '1 1 16rem' }}
        />
        <Checkbox.Group
          label={t('members.statusFilter')}
          value={statuses}
          onChange={(v) => {
            setStatuses(v.filter(isStatus));
            setPage(1);
          }}
        >
          <Group gap="md" mt={6} wrap="wrap">
            {ORGANISATION_STATUSES.map((s) => (
              <Checkbox key={s} value={s} label={labels.status(s)} />
            ))}
          </Group>
        </Checkbox.Group>
      </Group>
      {list.isPending ? (
        <PageLoader />
      ) : list.isError ? (
        <ErrorAlert error={list.error} />
      ) : (
        <>
          <Text role="status" c="gray.8">
            {t('members.total', { formatted: f.number(list.data.total) })}
          </Text>
          {list.data.items.length === 0 ? (
            <Text>{t('common:states.empty')}</Text>
          ) : (
            <>
              <Table.ScrollContainer minWidth={680} visibleFrom="sm">
                <Table striped verticalSpacing="sm">
                  <Table.Caption>{t('members.caption')}</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('members.name')}</Table.Th>
                      <Table.Th scope="col">{t('members.kind')}</Table.Th>
                      <Table.Th scope="col">{t('members.place')}</Table.Th>
                      <Table.Th scope="col">{t('members.status')}</Table.Th>
                      <Table.Th scope="col">{t('members.actions')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {list.data.items.map((o) => (
                      <Table.Tr key={o.id}>
                        <Table.Th scope="row" fw={600}>
                          <Anchor component={Link} to={`/organisations/${o.slug}`}>
                            {o.name}
                          </Anchor>
                        </Table.Th>
                        <Table.Td>{labels.kind(o.kind)}</Table.Td>
                        <Table.Td>{place(o)}</Table.Td>
                        <Table.Td>{badges(o)}</Table.Td>
                        <Table.Td>
                          <Button
                            size="xs"
                            variant="default"
                            onClick={() => setManaged(o)}
                            aria-label={t('members.manageLabel', { name: o.name })}
                          >
                            {t('members.manage')}
                          </Button>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              <PhoneCardList label={t('members.caption')}>
                {list.data.items.map((o) => (
                  <Card key={o.id} component="li" withBorder padding="sm">
                    <Anchor component={Link} to={`/organisations/${o.slug}`} fw={700}>
                      {o.name}
                    </Anchor>
                    <Text size="sm">{labels.kind(o.kind)}</Text>
                    <Text size="sm" c="gray.8">
                      {place(o)}
                    </Text>
                    <Group justify="space-between" mt="xs" gap="xs">
                      {badges(o)}
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => setManaged(o)}
                        aria-label={t('members.manageLabel', { name: o.name })}
                      >
                        {t('members.manage')}
                      </Button>
                    </Group>
                  </Card>
                ))}
              </PhoneCardList>
              {pages > 1 && (
                <Group justify="center" gap="sm" component="nav" aria-label={t('members.caption')}>
                  <Button variant="default" disabled={page <= 1} onClick={() => setPage((p) => p - 1)}>
                    {t('members.previous')}
                  </Button>
                  <Text>{t('members.pageOf', { page: f.number(page), pages: f.number(pages) })}</Text>
                  <Button variant="default" disabled={page >= pages} onClick={() => setPage((p) => p + 1)}>
                    {t('members.next')}
                  </Button>
                </Group>
              )}
            </>
          )}
        </>
      )}
      <ManageModal org={managed} onClose={() => setManaged(null)} />
    </Stack>
  );
}

export interface ManagedOrg {
  slug: string;
  name: string;
  status?: StaffOrgCard['status'];
}

/** Suspend or reinstate, whichever the organisation's current status allows, always with a note. */
export function ManageModal({ org, onClose }: { org: ManagedOrg | null; onClose: () => void }) {
  const { t, i18n } = useTranslation('staff');
  // The list may be a moment old; the detail has the current status.
  const detail = useOrganisation(org?.slug ?? null, i18n.language);
  const change = useChangeMembership();
  const [note, setNote] = useState('');
  const [touched, setTouched] = useState(false);
  const status = detail.data?.status ?? org?.status;
  const action: MembershipChange | null =
    status === 'member' ? 'suspend' : status === 'suspended' ? 'reinstate' : null;

  const close = () => {
    setNote('');
    setTouched(false);
    change.reset();
    onClose();
  };
  const submit = () => {
    setTouched(true);
    if (!org || !action || note.trim() === '') return;
    change.mutate(
      { slug: org.slug, change: action, note },
      {
        onSuccess: () => {
          notifications.show({
            color: 'teal',
            message: t(action === 'suspend' ? 'members.suspended' : 'members.reinstated'),
          });
          close();
        },
      },
    );
  };

  return (
    <Modal
      portalProps={{ target: document.getElementById('main') ?? undefined }}
      opened={org !== null}
      onClose={close}
      centered
      title={
        org
          ? t(
              action === 'reinstate'
                ? 'members.reinstateTitle'
                : action
                  ? 'members.suspendTitle'
                  : 'members.manageLabel',
              {
                name: org.name,
              },
            )
          : ''
      }
    >
      {detail.isPending && org ? (
        <PageLoader />
      ) : detail.isError ? (
        <ErrorAlert error={detail.error} />
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <Stack gap="md">
            {status && (
              <Group gap="xs">
                <Text size="sm" fw={600}>
                  {t('members.status')}:
                </Text>
                <OrganisationStatusBadge status={status} />
              </Group>
            )}
            {action ? (
              <>
                <Text size="sm">
                  {t(action === 'suspend' ? 'members.suspendHelp' : 'members.reinstateHelp')}
                </Text>
                <Textarea
                  label={t('members.note')}
                  value={note}
                  onChange={(e) => setNote(e.currentTarget.value)}
                  required
                  error={touched && note.trim() === '' ? t('review.required') : undefined}
                  autosize
                  minRows={3}
                  maxLength={4000}
                  data-autofocus
                />
              </>
            ) : (
              <Text size="sm">{t('members.noAction')}</Text>
            )}
            {change.isError && <ErrorAlert error={change.error} />}
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={close}>
                {t('common:actions.cancel')}
              </Button>
              {action && (
                <Button
                  type="submit"
                  color={action === 'suspend' ? 'red.9' : 'teal.9'}
                  loading={change.isPending}
                >
                  {t(action === 'suspend' ? 'members.suspend' : 'members.reinstate')}
                </Button>
              )}
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
