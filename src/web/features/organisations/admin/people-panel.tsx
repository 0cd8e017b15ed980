// The organisation's people: list with roles and pending invitations, invite, change role, remove.
import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Locale, type MemberRole, MemberRoleSchema } from '../../../../shared/auth.js';
import { MemberInvite, type MemberItem, type OrgDetail } from '../../../../shared/organisations.js';
import { LANGUAGES } from '../../../i18n/i18n.js';
import { ApiError } from '../../../lib/api-client.js';
import { apiFieldErrors, errorText, zodValidate } from '../../../lib/form-errors.js';
import { useSession } from '../../auth/api/get-session.js';
import { useMembers } from '../api/get-members.js';
import { useInviteMember } from '../api/invite-member.js';
import { useRemoveMember } from '../api/remove-member.js';
import { useUpdateMemberRole } from '../api/update-member.js';
import { ORG_ADMIN_NS } from './messages.js';

const ROLES = MemberRoleSchema.options;

function useErrorText() {
  const { t } = useTranslation(ORG_ADMIN_NS);
  return (err: unknown) =>
    err instanceof ApiError && err.details?.reason === 'last_org_admin'
      ? t('people.lastAdmin')
      : errorText(err, t);
}

function InviteForm({ org }: { org: OrgDetail }) {
  const { t, i18n } = useTranslation(ORG_ADMIN_NS);
  const mutation = useInviteMember(org.slug);
  const form = useForm({
    initialValues: {
      name: '',
      email: '',
      role: 'operator' as MemberRole,
      locale: (LANGUAGES.some((l) => l.code === i18n.language) ? i18n.language : 'it') as Locale,
    },
    validate: zodValidate(MemberInvite, t),
  });
  const submit = form.onSubmit((values) =>
    mutation.mutate(values, {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: t('people.invited', { email: values.email }) });
        form.reset();
      },
      onError: (err) => {
        form.setErrors(apiFieldErrors(err, t));
        notifications.show({ color: 'red', message: errorText(err, t) });
      },
    }),
  );
  return (
    <Paper
      withBorder
      p={{ base: 'md', sm: 'lg' }}
      radius="md"
      component="section"
      aria-labelledby="invite-title"
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Title order={2} fz="lg" id="invite-title">
            {t('people.invite')}
          </Title>
          <Text size="sm" c="gray.8">
            {t('people.inviteIntro')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('people.inviteName')}
              required
              autoComplete="off"
              {...form.getInputProps('name')}
            />
            <TextInput
              label={t('people.inviteEmail')}
              type="email"
              required
              autoComplete="off"
              {...form.getInputProps('email')}
            />
            <NativeSelect
              label={t('people.inviteRole')}
              data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
              {...form.getInputProps('role')}
            />
            <NativeSelect
              label={t('people.inviteLocale')}
              data={LANGUAGES.map((l) => ({ value: l.code, label: l.label }))}
              {...form.getInputProps('locale')}
            />
          </SimpleGrid>
          <Text size="sm" c="gray.8">
            {t('people.roleHelp')}
          </Text>
          <Group>
            <Button type="submit" loading={mutation.isPending}>
              {t('people.inviteSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function PersonRow({
  person,
  org,
  canEdit,
  isMe,
  onRemove,
}: {
  person: MemberItem;
  org: OrgDetail;
  canEdit: boolean;
  isMe: boolean;
  onRemove: (p: MemberItem) => void;
}) {
  const { t } = useTranslation(ORG_ADMIN_NS);
  const update = useUpdateMemberRole(org.slug);
  const describe = useErrorText();
  const changeRole = (role: MemberRole) =>
    update.mutate(
      { userId: person.userId, role },
      {
        onSuccess: () => notifications.show({ color: 'teal', message: t('people.roleChanged') }),
        onError: (err) => notifications.show({ color: 'red', message: describe(err) }),
      },
    );
  return (
    <Paper withBorder p="sm" radius="md" component="li">
      <Group justify="space-between" align="center" gap="sm">
        <Stack gap={2} miw={0} style={{ flex: '1 1 14rem' }}>
          <Group gap="xs">
            <Text fw={600}>{person.name}</Text>
            {isMe && (
              <Badge variant="light" color="gray" c="gray.9" size="sm">
                {t('people.you')}
              </Badge>
            )}
            {person.pending && (
              <Badge variant="light" color="orange" c="orange.9" size="sm">
                {t('people.pending')}
              </Badge>
            )}
          </Group>
          <Text size="sm" c="gray.8" style={{ overflowWrap: 'anywhere' }}>
            <bdi>{person.email}</bdi>
          </Text>
        </Stack>
        <Group gap="xs" wrap="nowrap">
          {canEdit ? (
            <NativeSelect
              aria-label={t('people.roleOf', { name: person.name })}
              value={person.role}
              onChange={(e) => changeRole(e.currentTarget.value as MemberRole)}
              disabled={update.isPending}
              data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
              w={160}
            />
          ) : (
            <Badge variant="light" color="teal" c="teal.9">
              {t(`roles.${person.role}`)}
            </Badge>
          )}
          {canEdit && (
            <Button
              variant="subtle"
              color="red"
              c="red.9"
              aria-label={t('people.removeLabel', { name: person.name })}
              onClick={() => onRemove(person)}
            >
              {t('people.remove')}
            </Button>
          )}
        </Group>
      </Group>
    </Paper>
  );
}

export function PeoplePanel({ org, canEdit }: { org: OrgDetail; canEdit: boolean }) {
  const { t } = useTranslation(ORG_ADMIN_NS);
  const session = useSession();
  const members = useMembers(org.slug);
  const remove = useRemoveMember(org.slug);
  const describe = useErrorText();
  const [removing, setRemoving] = useState<MemberItem | null>(null);
  const myId = session.data?.user?.id;

  const closeModal = () => {
    setRemoving(null);
    remove.reset();
  };
  const confirmRemove = () => {
    if (!removing) return;
    const name = removing.name;
    remove.mutate(removing.userId, {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: t('people.removed', { name }) });
        closeModal();
      },
      onError: (err) => notifications.show({ color: 'red', message: describe(err) }),
    });
  };

  return (
    <Stack gap="lg">
      <Stack gap="sm" component="section" aria-labelledby="people-title">
        <Title order={2} fz="lg" id="people-title">
          {t('people.list')}
        </Title>
        {members.isPending ? (
          <Text c="gray.8">{t('common:states.loading')}</Text>
        ) : members.isError ? (
          <Alert color="red" variant="light" role="alert" c="red.9">
            {errorText(members.error, t)}
          </Alert>
        ) : members.data.items.length === 0 ? (
          <Text c="gray.8">{t('people.empty')}</Text>
        ) : (
          <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {members.data.items.map((p) => (
              <PersonRow
                key={p.userId}
                person={p}
                org={org}
                canEdit={canEdit}
                isMe={p.userId === myId}
                onRemove={setRemoving}
              />
            ))}
          </Stack>
        )}
      </Stack>

      {canEdit && <InviteForm org={org} />}

      <Modal
        opened={removing !== null}
        onClose={closeModal}
        title={removing ? t('people.removeTitle', { name: removing.name }) : ''}
        centered
        closeButtonProps={{ 'aria-label': t('common:actions.close') }}
      >
        <Stack gap="md">
          <Text>{removing && t('people.removeBody', { name: removing.name, organisation: org.name })}</Text>
          {remove.error && (
            <Alert color="red" variant="light" role="alert" c="red.9">
              {describe(remove.error)}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={closeModal}>
              {t('common:actions.cancel')}
            </Button>
            <Button color="red.9" onClick={confirmRemove} loading={remove.isPending}>
              {t('people.removeConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
