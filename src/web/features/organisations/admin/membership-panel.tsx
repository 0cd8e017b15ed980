// Membership: status, date joined, services and programmes; an org admin can make the organisation leave.
import {
  Alert,
  Badge,
  Button,
  Group,
  List,
  Modal,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrgDetail } from '../../../../shared/organisations.js';
import { useOrgLabels } from '../../../i18n/org-labels.js';
import { errorText } from '../../../lib/form-errors.js';
import { useLeaveNetwork } from '../api/leave-organisation.js';
import { ORG_ADMIN_NS } from './messages.js';

const STATUS_COLOR: Record<OrgDetail['status'], string> = {
  applicant: 'blue',
  member: 'teal',
  rejected: 'red',
  suspended: 'orange',
  departed: 'gray',
};

const sameName = (a: string, b: string) =>
  a.trim().localeCompare(b.trim(), undefined, { sensitivity: 'base' }) === 0;

export function MembershipPanel({ org }: { org: OrgDetail }) {
  const { t, i18n } = useTranslation(ORG_ADMIN_NS);
  const labels = useOrgLabels();
  const leave = useLeaveNetwork(org.slug);
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const active = org.status === 'member' || org.status === 'suspended';
  const isAdmin = org.myRole === 'org_admin';

  const close = () => {
    setOpen(false);
    setTyped('');
    leave.reset();
  };
  const confirm = () =>
    leave.mutate(undefined, {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: t('membership.left', { name: org.name }) });
        close();
      },
      onError: (err) => notifications.show({ color: 'red', message: errorText(err, t) }),
    });

  const joined = org.joinedAt
    ? new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long' }).format(new Date(org.joinedAt))
    : null;

  return (
    <Stack gap="lg">
      <Paper
        withBorder
        p={{ base: 'md', sm: 'lg' }}
        radius="md"
        component="section"
        aria-labelledby="status-title"
      >
        <Stack gap="sm">
          <Title order={2} fz="lg" id="status-title">
            {t('membership.status')}
          </Title>
          <Group gap="sm">
            <Badge
              variant="light"
              color={STATUS_COLOR[org.status]}
              c={`${STATUS_COLOR[org.status]}.9`}
              size="lg"
            >
              {labels.status(org.status)}
            </Badge>
            {joined && <Text c="gray.8">{t('membership.joinedAt', { date: joined })}</Text>}
          </Group>
          <Title order={3} fz="md" mt="sm">
            {t('membership.modules')}
          </Title>
          {org.modules.length > 0 ? (
            <List spacing={4}>
              {org.modules.map((m) => (
                <List.Item key={m}>{labels.module(m)}</List.Item>
              ))}
            </List>
          ) : (
            <Text c="gray.8">{t('common:states.empty')}</Text>
          )}
          <Title order={3} fz="md" mt="sm">
            {t('membership.programmes')}
          </Title>
          {org.programmes.length > 0 ? (
            <List spacing={4}>
              {org.programmes.map((p) => (
                <List.Item key={p.slug}>{p.year ? `${p.name} (${p.year})` : p.name}</List.Item>
              ))}
            </List>
          ) : (
            <Text c="gray.8">{t('membership.noProgrammes')}</Text>
          )}
        </Stack>
      </Paper>

      <Paper
        withBorder
        p={{ base: 'md', sm: 'lg' }}
        radius="md"
        component="section"
        aria-labelledby="leave-title"
        style={{ borderColor: 'var(--mantine-color-red-3)' }}
      >
        <Stack gap="sm">
          <Title order={2} fz="lg" id="leave-title">
            {t('membership.leave')}
          </Title>
          <Text c="gray.8">{t('membership.leaveIntro')}</Text>
          {!active ? (
            <Text fw={600}>{t('membership.notActive')}</Text>
          ) : !isAdmin ? (
            <Text fw={600}>{t('membership.onlyAdmin')}</Text>
          ) : (
            <Group>
              <Button color="red.9" variant="outline" c="red.9" onClick={() => setOpen(true)}>
                {t('membership.leaveButton')}
              </Button>
            </Group>
          )}
        </Stack>
      </Paper>

      <Modal
        opened={open}
        onClose={close}
        title={t('membership.leaveTitle')}
        centered
        closeButtonProps={{ 'aria-label': t('common:actions.close') }}
      >
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (sameName(typed, org.name)) confirm();
          }}
        >
          <Stack gap="md">
            <Text>{t('membership.leaveBody', { name: org.name })}</Text>
            <TextInput
              label={t('membership.leaveType')}
              value={typed}
              onChange={(e) => setTyped(e.currentTarget.value)}
              autoComplete="off"
              data-autofocus
            />
            {leave.error && (
              <Alert color="red" variant="light" role="alert" c="red.9">
                {errorText(leave.error, t)}
              </Alert>
            )}
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={close}>
                {t('common:actions.cancel')}
              </Button>
              <Button
                type="submit"
                color="red.9"
                disabled={!sameName(typed, org.name)}
                loading={leave.isPending}
              >
                {t('membership.leaveConfirm')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Stack>
  );
}
