// Staff: one course. Details and status, the sessions editor, enrolments with a phone-friendly attendance
// grid per session, completion per organisation and region, and the exports.
import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams, useSearchParams } from 'react-router';
import {
  COURSE_AUDIENCES,
  type CourseAudience,
  type CourseDetail,
  type SessionAttendance,
} from '../../../shared/trainings.js';
import { ErrorAlert } from '../../components/ui/error-alert.js';
import { PageLoader } from '../../components/ui/page-loader.js';
import { isStaffUser, useSession } from '../../features/auth/api/get-session.js';
import { useAddSession } from '../../features/trainings/api/add-session.js';
import { useCompletion } from '../../features/trainings/api/get-completion.js';
import { useCourse } from '../../features/trainings/api/get-course.js';
import { useEnrolments } from '../../features/trainings/api/list-enrolments.js';
import { useRemoveSession } from '../../features/trainings/api/remove-session.js';
import { useRevokeCertificate } from '../../features/trainings/api/revoke-certificate.js';
import { useSetAttendance } from '../../features/trainings/api/set-attendance.js';
import { useSetCourseStatus } from '../../features/trainings/api/set-course-status.js';
import { useUpdateCourse } from '../../features/trainings/api/update-course.js';
import {
  DEFAULT_TIME_ZONE,
  fromZonedInput,
  useCourseFormat,
} from '../../features/trainings/components/format.js';
import { TRAININGS_NS } from '../../features/trainings/messages.js';
import { errorText } from '../../lib/form-errors.js';

const fail = (t: (k: string) => string) => (err: unknown) =>
  notifications.show({ color: 'red', message: errorText(err, t as never) });

function Details({ course }: { course: CourseDetail }) {
  const { t } = useTranslation(TRAININGS_NS);
  const update = useUpdateCourse(course.id);
  const status = useSetCourseStatus(course.id);
  const [cancelling, { open, close }] = useDisclosure(false);
  const [note, setNote] = useState('');
  const [v, setV] = useState({
    titleIt: course.title.it ?? '',
    titleEn: course.title.en ?? '',
    titleAr: course.title.ar ?? '',
    descriptionIt: course.description.it ?? '',
    descriptionEn: course.description.en ?? '',
    descriptionAr: course.description.ar ?? '',
    programmeIt: course.programme.it ?? '',
    seats: course.seats ?? ('' as number | string),
    threshold: Math.round(course.completionThreshold * 100) as number | string,
    audiences: course.audiences as string[],
  });
  const set = (k: keyof typeof v) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setV((s) => ({ ...s, [k]: value }));
  };
  const editable = course.status !== 'cancelled';
  return (
    <Stack gap="md">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const text = (it: string, en: string, ar: string) =>
            Object.fromEntries(Object.entries({ it, en, ar }).filter(([, x]) => x.trim()));
          update.mutate(
            {
              title: text(v.titleIt, v.titleEn, v.titleAr),
              description: text(v.descriptionIt, v.descriptionEn, v.descriptionAr),
              programme: text(v.programmeIt, course.programme.en ?? '', course.programme.ar ?? ''),
              seats: typeof v.seats === 'number' ? v.seats : null,
              completionThreshold: Number(v.threshold) / 100,
              audiences: v.audiences as CourseAudience[],
            },
            {
              onSuccess: () => notifications.show({ color: 'teal', message: t('staff.saved') }),
              onError: fail(t),
            },
          );
        }}
      >
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label={t('staff.titleIt')}
              value={v.titleIt}
              onChange={set('titleIt')}
              required
              disabled={!editable}
            />
            <TextInput
              label={t('staff.titleEn')}
              value={v.titleEn}
              onChange={set('titleEn')}
              disabled={!editable}
            />
            <TextInput
              label={t('staff.titleAr')}
              value={v.titleAr}
              onChange={set('titleAr')}
              dir="rtl"
              disabled={!editable}
            />
          </SimpleGrid>
          <Textarea
            label={t('staff.descriptionIt')}
            value={v.descriptionIt}
            onChange={set('descriptionIt')}
            autosize
            minRows={2}
            disabled={!editable}
          />
          <Textarea
            label={t('staff.descriptionEn')}
            value={v.descriptionEn}
            onChange={set('descriptionEn')}
            autosize
            minRows={2}
            disabled={!editable}
          />
          <Textarea
            label={t('staff.descriptionAr')}
            value={v.descriptionAr}
            onChange={set('descriptionAr')}
            autosize
            minRows={2}
            dir="rtl"
            disabled={!editable}
          />
          <Textarea
            label={t('staff.programmeIt')}
            value={v.programmeIt}
            onChange={set('programmeIt')}
            autosize
            minRows={2}
            disabled={!editable}
          />
          <Checkbox.Group
            label={t('staff.audiences')}
            value={v.audiences}
            onChange={(a) => setV((s) => ({ ...s, audiences: a }))}
          >
            <Stack gap={6} mt={6}>
              {COURSE_AUDIENCES.map((a) => (
                <Checkbox key={a} value={a} label={t(`audiences.${a}`)} disabled={!editable} />
              ))}
            </Stack>
          </Checkbox.Group>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NumberInput
              label={t('staff.seats')}
              value={v.seats}
              onChange={(x) => setV((s) => ({ ...s, seats: x }))}
              min={1}
              disabled={!editable}
            />
            <NumberInput
              label={t('staff.threshold')}
              value={v.threshold}
              onChange={(x) => setV((s) => ({ ...s, threshold: x }))}
              min={5}
              max={100}
              disabled={!editable}
            />
          </SimpleGrid>
          {editable && (
            <Button type="submit" loading={update.isPending} w="fit-content" color="teal.9">
              {t('staff.save')}
            </Button>
          )}
        </Stack>
      </form>
      <Group gap="sm">
        {course.status === 'draft' && (
          <Button
            color="teal.9"
            loading={status.isPending}
            onClick={() => status.mutate({ status: 'published' }, { onError: fail(t) })}
          >
            {t('staff.publish')}
          </Button>
        )}
        {course.status === 'published' && (
          <Button
            variant="default"
            loading={status.isPending}
            onClick={() => status.mutate({ status: 'draft' }, { onError: fail(t) })}
          >
            {t('staff.unpublish')}
          </Button>
        )}
        {course.status !== 'cancelled' && (
          <Button variant="subtle" color="red" c="red.9" onClick={open}>
            {t('staff.cancelCourse')}
          </Button>
        )}
      </Group>
      <Modal opened={cancelling} onClose={close} title={t('staff.cancelCourse')}>
        <Stack gap="md">
          <Text>{t('staff.cancelCourseConfirm')}</Text>
          <Textarea label={t('staff.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common:actions.cancel')}
            </Button>
            <Button
              color="red"
              loading={status.isPending}
              onClick={() =>
                status.mutate(
                  { status: 'cancelled', ...(note.trim() ? { note } : {}) },
                  { onSuccess: close, onError: fail(t) },
                )
              }
            >
              {t('staff.cancelCourse')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

function Sessions({ course }: { course: CourseDetail }) {
  const { t } = useTranslation(TRAININGS_NS);
  const f = useCourseFormat();
  const add = useAddSession(course.id);
  const remove = useRemoveSession(course.id);
  const [v, setV] = useState({
    startsAt: '',
    endsAt: '',
    hours: 2 as number | string,
    format: (course.format as 'in_person' | 'online' | 'hybrid') ?? 'in_person',
    venueName: '',
    municipality: '',
    province: '',
    onlineUrl: '',
  });
  const set = (k: keyof typeof v) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setV((s) => ({ ...s, [k]: value }));
  };
  return (
    <Stack gap="md">
      {course.sessions.length === 0 && <Text>{t('staff.noSessions')}</Text>}
      <Stack gap="sm" component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
        {course.sessions.map((s, i) => (
          <li key={s.id}>
            <Paper withBorder p="sm" radius="md">
              <Group justify="space-between" gap="xs">
                <Stack gap={2}>
                  <Text fw={700}>
                    {t('course.session', { n: i + 1 })} ·{' '}
                    {t('course.sessionHours', { hours: f.num(s.hours) })}
                  </Text>
                  <Text size="sm">
                    {f.session(s.startsAt, s.endsAt, s.timeZone)} ({s.timeZone})
                  </Text>
                  <Text size="sm" c="gray.8">
                    {t(`formats.${s.format}`)}
                    {s.venue ? ` · ${s.venue.name}` : ''}
                  </Text>
                  <Anchor component={Link} to={`/staff/events/${s.eventId}/check-in`} size="sm" c="teal.9">
                    Check-in
                  </Anchor>
                </Stack>
                {!s.cancelled && course.status !== 'cancelled' && (
                  <Button
                    variant="subtle"
                    color="red"
                    c="red.9"
                    size="xs"
                    loading={remove.isPending}
                    onClick={() => remove.mutate(s.id, { onError: fail(t) })}
                  >
                    {t('staff.removeSession')}
                  </Button>
                )}
              </Group>
            </Paper>
          </li>
        ))}
      </Stack>
      {course.status !== 'cancelled' && (
        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="add-session">
          <form
            onSubmit={(e) => {
              e.preventDefault();
              add.mutate(
                {
                  startsAt: fromZonedInput(v.startsAt, DEFAULT_TIME_ZONE) ?? '',
                  endsAt: fromZonedInput(v.endsAt, DEFAULT_TIME_ZONE) ?? '',
                  timeZone: DEFAULT_TIME_ZONE,
                  hours: Number(v.hours),
                  format: v.format,
                  venue:
                    v.format === 'online'
                      ? null
                      : {
                          name: v.venueName,
                          municipality: v.municipality || null,
                          provinceCode: v.province || null,
                        },
                  onlineUrl: v.format === 'in_person' || !v.onlineUrl ? null : v.onlineUrl,
                },
                { onError: fail(t) },
              );
            }}
          >
            <Stack gap="sm">
              <Title order={2} fz="h3" id="add-session">
                {t('staff.addSession')}
              </Title>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput
                  type="datetime-local"
                  label={`${t('staff.startsAt')} (${DEFAULT_TIME_ZONE})`}
                  value={v.startsAt}
                  onChange={set('startsAt')}
                  required
                />
                <TextInput
                  type="datetime-local"
                  label={`${t('staff.endsAt')} (${DEFAULT_TIME_ZONE})`}
                  value={v.endsAt}
                  onChange={set('endsAt')}
                  required
                />
                <NumberInput
                  label={t('staff.hours')}
                  value={v.hours}
                  onChange={(x) => setV((s) => ({ ...s, hours: x }))}
                  min={0.25}
                  max={24}
                  step={0.25}
                  decimalScale={2}
                  required
                />
                <Select
                  label={t('staff.format')}
                  value={v.format}
                  onChange={(x) => setV((s) => ({ ...s, format: (x as typeof v.format) ?? 'in_person' }))}
                  data={(['in_person', 'online', 'hybrid'] as const).map((x) => ({
                    value: x,
                    label: t(`formats.${x}`),
                  }))}
                  allowDeselect={false}
                />
                {v.format !== 'online' && (
                  <>
                    <TextInput
                      label={t('staff.venueName')}
                      value={v.venueName}
                      onChange={set('venueName')}
                      required
                    />
                    <TextInput
                      label={t('staff.municipality')}
                      value={v.municipality}
                      onChange={set('municipality')}
                    />
                    <TextInput
                      label={t('staff.province')}
                      value={v.province}
                      onChange={set('province')}
                      maxLength={4}
                    />
                  </>
                )}
                {v.format !== 'in_person' && (
                  <TextInput
                    type="url"
                    label={t('staff.onlineUrl')}
                    value={v.onlineUrl}
                    onChange={set('onlineUrl')}
                    dir="ltr"
                  />
                )}
              </SimpleGrid>
              <Button type="submit" loading={add.isPending} w="fit-content" color="teal.9">
                {t('staff.addSession')}
              </Button>
            </Stack>
          </form>
        </Paper>
      )}
    </Stack>
  );
}

function Attendance({ course }: { course: CourseDetail }) {
  const { t } = useTranslation(TRAININGS_NS);
  const f = useCourseFormat();
  const [q, setQ] = useState('');
  const list = useEnrolments(course.id, q.trim() ? { q: q.trim() } : {});
  const mark = useSetAttendance(course.id);
  const revoke = useRevokeCertificate();
  const [revoking, setRevoking] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const base = `/api/v1/courses/${course.id}/enrolments`;
  return (
    <Stack gap="md">
      <Group gap="sm" justify="space-between">
        <TextInput
          label={t('staff.search')}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          maw={360}
        />
        <Group gap="xs">
          <Text size="sm">{t('staff.export')}:</Text>
          <Anchor href={`${base}.csv`} c="teal.9" size="sm">
            {t('staff.exportCsv')}
          </Anchor>
          <Anchor href={`${base}.xlsx`} c="teal.9" size="sm">
            {t('staff.exportXlsx')}
          </Anchor>
        </Group>
      </Group>
      {list.isError && <ErrorAlert error={list.error} />}
      {list.data && (
        <Text size="sm" c="gray.8">
          {t('staff.counts', list.data.counts)}
        </Text>
      )}
      {list.data?.items.length === 0 && <Text>{t('staff.noEnrolments')}</Text>}
      <Stack
        gap="sm"
        component="ul"
        p={0}
        m={0}
        style={{ listStyle: 'none' }}
        aria-label={t('staff.enrolments')}
      >
        {list.data?.items.map((r) => (
          <li key={r.id}>
            <Paper withBorder p="sm" radius="md">
              <Stack gap="xs">
                <Group justify="space-between" gap="xs">
                  <Stack gap={0}>
                    <Text fw={700}>{r.name}</Text>
                    <Text size="sm" c="gray.8">
                      {[r.organisationName, r.regionName].filter(Boolean).join(' · ')}
                    </Text>
                  </Stack>
                  <Group gap="xs">
                    <Badge
                      variant="light"
                      color={r.status === 'enrolled' ? 'teal' : 'yellow'}
                      c={r.status === 'enrolled' ? 'teal.9' : 'dark.9'}
                    >
                      {t(`enrolmentStatuses.${r.status}`)}
                    </Badge>
                    <Text size="sm">
                      {t('staff.hoursDone')}: {f.num(r.progress.attendedHours)}/{f.num(r.progress.totalHours)}
                    </Text>
                    {r.progress.complete && (
                      <Badge variant="light" color="teal" c="teal.9">
                        {t('staff.done')}
                      </Badge>
                    )}
                  </Group>
                </Group>
                {r.status === 'enrolled' &&
                  list.data.sessions
                    .filter((s) => !s.cancelled)
                    .map((s) => {
                      const n = list.data.sessions.indexOf(s) + 1;
                      const value =
                        r.progress.sessions.find((x) => x.sessionId === s.id)?.attendance ?? 'unmarked';
                      return (
                        <Group key={s.id} gap="xs" wrap="wrap">
                          <Text size="sm" miw={120}>
                            {t('course.session', { n })} · {f.day(s.startsAt, s.timeZone)}
                          </Text>
                          <SegmentedControl
                            size="xs"
                            value={value}
                            aria-label={t('staff.markFor', { name: r.name, n })}
                            onChange={(a) =>
                              mark.mutate(
                                { sessionId: s.id, enrolmentId: r.id, attendance: a as SessionAttendance },
                                { onError: fail(t) },
                              )
                            }
                            data={(['attended', 'absent', 'unmarked'] as const).map((a) => ({
                              value: a,
                              label: t(`attendance.${a}`),
                            }))}
                          />
                        </Group>
                      );
                    })}
                {r.certificate && (
                  <Group gap="xs">
                    <Text size="sm">
                      {t('staff.certificate')}:{' '}
                      <Anchor
                        component={Link}
                        to={r.certificate.verifyPath}
                        ff="monospace"
                        c="teal.9"
                        dir="ltr"
                      >
                        {r.certificate.code}
                      </Anchor>
                    </Text>
                    {r.certificate.revokedAt ? (
                      <Badge color="red" variant="light" c="red.9">
                        {t('staff.revoked')}
                      </Badge>
                    ) : (
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        c="red.9"
                        onClick={() => setRevoking(r.certificate?.code ?? null)}
                      >
                        {t('staff.revoke')}
                      </Button>
                    )}
                  </Group>
                )}
              </Stack>
            </Paper>
          </li>
        ))}
      </Stack>
      <Modal opened={revoking !== null} onClose={() => setRevoking(null)} title={t('staff.revoke')}>
        <Stack gap="md">
          <Textarea
            label={t('staff.revokeReason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            required
          />
          <Button
            color="red"
            loading={revoke.isPending}
            onClick={() =>
              revoking &&
              revoke.mutate(
                { code: revoking, reason },
                { onSuccess: () => setRevoking(null), onError: fail(t) },
              )
            }
          >
            {t('staff.revoke')}
          </Button>
        </Stack>
      </Modal>
    </Stack>
  );
}

function Completion({ courseId }: { courseId: string }) {
  const { t } = useTranslation(TRAININGS_NS);
  const f = useCourseFormat();
  const stats = useCompletion(courseId);
  if (stats.isPending) return <PageLoader />;
  if (stats.isError) return <ErrorAlert error={stats.error} />;
  const s = stats.data;
  const table = (title: string, rows: typeof s.byRegion, none: string) => (
    <Stack gap="xs">
      <Title order={3} fz="h4">
        {title}
      </Title>
      <Table.ScrollContainer minWidth={320}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('staff.group')}</Table.Th>
              <Table.Th>{t('staff.enrolments')}</Table.Th>
              <Table.Th>{t('staff.completed')}</Table.Th>
              <Table.Th>{t('staff.rate')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((g) => (
              <Table.Tr key={g.key}>
                <Table.Td>{g.key === '-' ? none : g.name}</Table.Td>
                <Table.Td>{g.enrolled}</Table.Td>
                <Table.Td>{g.completed}</Table.Td>
                <Table.Td>{f.percent(g.rate)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        {[
          [t('staff.enrolments'), String(s.enrolled)],
          [t('staff.completed'), `${s.completed} (${f.percent(s.rate)})`],
          [t('staff.averageHours'), `${f.num(s.averageHours)} / ${f.num(s.totalHours)}`],
          [t('staff.certificates'), String(s.certificates)],
        ].map(([k, v]) => (
          <Paper key={k} withBorder p="sm" radius="md">
            <Text size="sm" c="gray.8">
              {k}
            </Text>
            <Text fw={700} fz="lg">
              {v}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      {table(t('staff.byOrganisation'), s.byOrganisation, t('staff.noOrganisation'))}
      {table(t('staff.byRegion'), s.byRegion, t('staff.noRegion'))}
    </Stack>
  );
}

export function Component() {
  const { id = '' } = useParams();
  const { t } = useTranslation(TRAININGS_NS);
  const f = useCourseFormat();
  const session = useSession();
  const course = useCourse(id);
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'details';
  useEffect(() => {
    document.title = `${t('staff.title')} · Trama`;
  }, [t]);
  if (session.isPending || course.isPending) return <PageLoader />;
  if (!isStaffUser(session.data?.user ?? null))
    return <Navigate to={`/login?next=/staff/courses/${id}`} replace />;
  if (course.isError) return <ErrorAlert error={course.error} />;
  const c = course.data;
  return (
    <Stack gap="lg" maw={1000} mx="auto">
      <Stack gap="xs">
        <Anchor component={Link} to="/staff/courses" size="sm" c="teal.9">
          {t('staff.title')}
        </Anchor>
        <Title order={1}>{f.text(c.title)}</Title>
        <Group gap="xs">
          <Badge
            variant="light"
            color={c.status === 'published' ? 'teal' : 'yellow'}
            c={c.status === 'published' ? 'teal.9' : 'dark.9'}
          >
            {t(`statuses.${c.status}`)}
          </Badge>
          <Text size="sm">
            {t('list.hours', { hours: f.num(c.totalHours) })} ·{' '}
            {t('list.sessions', { count: c.sessionCount })}
          </Text>
          <Anchor component={Link} to={`/courses/${c.id}`} size="sm" c="teal.9">
            {t('staff.viewPublic')}
          </Anchor>
        </Group>
      </Stack>
      <Tabs
        value={tab}
        onChange={(v) => setParams(v && v !== 'details' ? { tab: v } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List aria-label={f.text(c.title)}>
          <Tabs.Tab value="details">{t('staff.tabs.details')}</Tabs.Tab>
          <Tabs.Tab value="sessions">{t('staff.tabs.sessions')}</Tabs.Tab>
          <Tabs.Tab value="attendance">{t('staff.tabs.attendance')}</Tabs.Tab>
          <Tabs.Tab value="completion">{t('staff.tabs.completion')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="details" pt="md">
          <Details key={c.updatedAt} course={c} />
        </Tabs.Panel>
        <Tabs.Panel value="sessions" pt="md">
          <Sessions course={c} />
        </Tabs.Panel>
        <Tabs.Panel value="attendance" pt="md">
          <Attendance course={c} />
        </Tabs.Panel>
        <Tabs.Panel value="completion" pt="md">
          <Completion courseId={c.id} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
