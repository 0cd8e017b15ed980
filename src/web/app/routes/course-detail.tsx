// A course: its sessions (dates in their own time zone), enrolment, waiting list, progress and certificate.
import { Alert, Anchor, Badge, Button, Group, Modal, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import type { CourseDetail } from '../../../shared/trainings.js';
import { ErrorAlert } from '../../components/ui/error-alert.js';
import { PageLoader } from '../../components/ui/page-loader.js';
import { useCancelEnrolment } from '../../features/trainings/api/cancel-enrolment.js';
import { useEnrol } from '../../features/trainings/api/enrol.js';
import { useCourse } from '../../features/trainings/api/get-course.js';
import { useCourseFormat } from '../../features/trainings/components/format.js';
import { ProgressPanel } from '../../features/trainings/components/progress-panel.js';
import { TRAININGS_NS } from '../../features/trainings/messages.js';
import { errorText } from '../../lib/form-errors.js';

function Enrolment({ course }: { course: CourseDetail }) {
  const { t } = useTranslation(TRAININGS_NS);
  const location = useLocation();
  const enrol = useEnrol(course.id);
  const cancel = useCancelEnrolment(course.id);
  const [mode, setMode] = useState<'in_person' | 'online'>('in_person');
  const [asking, { open, close }] = useDisclosure(false);
  const mine = course.viewer.enrolment;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="enrol-title">
      <Stack gap="sm">
        <Title order={2} fz="h3" id="enrol-title">
          {mine ? t('course.progress') : t('course.enrol')}
        </Title>
        {mine?.status === 'enrolled' && (
          <>
            <Text>{t('course.enrolled')}</Text>
            <ProgressPanel enrolment={mine} threshold={course.completionThreshold} />
          </>
        )}
        {mine?.status === 'waitlisted' && (
          <Text>{t('course.waitlisted', { position: mine.waitlistPosition ?? '' })}</Text>
        )}
        {mine && (
          <Button variant="subtle" color="red" c="red.9" w="fit-content" onClick={open}>
            {t('course.cancel')}
          </Button>
        )}
        {!mine && course.viewer.enrolBlocked === 'login' && (
          <Button
            component={Link}
            to={`/login?next=${encodeURIComponent(location.pathname)}`}
            w="fit-content"
          >
            {t('course.login')}
          </Button>
        )}
        {!mine && course.viewer.enrolBlocked && course.viewer.enrolBlocked !== 'login' && (
          <Text c="gray.8">{t(`blocked.${course.viewer.enrolBlocked}`)}</Text>
        )}
        {!mine && course.viewer.canEnrol && (
          <Stack gap="xs">
            {course.format === 'hybrid' && (
              <Select
                label={t('course.enrolMode')}
                value={mode}
                onChange={(v) => setMode((v as 'in_person' | 'online') ?? 'in_person')}
                data={[
                  { value: 'in_person', label: t('formats.in_person') },
                  { value: 'online', label: t('formats.online') },
                ]}
                allowDeselect={false}
                maw={320}
              />
            )}
            <Button
              w="fit-content"
              color="teal.9"
              loading={enrol.isPending}
              onClick={() =>
                enrol.mutate(course.format === 'hybrid' ? { mode } : {}, {
                  onSuccess: (e) =>
                    notifications.show({
                      color: 'teal',
                      message: e.status === 'enrolled' ? t('course.enrolledNow') : t('course.waitlistedNow'),
                    }),
                  onError: (err) => notifications.show({ color: 'red', message: errorText(err, t) }),
                })
              }
            >
              {t('course.enrol')}
            </Button>
          </Stack>
        )}
      </Stack>
      <Modal opened={asking} onClose={close} title={t('course.cancel')}>
        <Stack gap="md">
          <Text>{t('course.cancelConfirm')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common:actions.cancel')}
            </Button>
            <Button
              color="red"
              loading={cancel.isPending}
              onClick={() =>
                mine &&
                cancel.mutate(mine.id, {
                  onSuccess: () => {
                    close();
                    notifications.show({ color: 'teal', message: t('course.cancelled') });
                  },
                  onError: (err) => notifications.show({ color: 'red', message: errorText(err, t) }),
                })
              }
            >
              {t('course.cancel')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}

export function Component() {
  const { id = '' } = useParams();
  const { t } = useTranslation(TRAININGS_NS);
  const f = useCourseFormat();
  const course = useCourse(id);
  useEffect(() => {
    if (course.data) document.title = `${f.text(course.data.title)} · Trama`;
  }, [course.data, f]);
  if (course.isPending) return <PageLoader />;
  if (course.isError) {
    return (
      <Stack maw={900} mx="auto">
        <Title order={1}>{t('list.title')}</Title>
        <ErrorAlert error={course.error} />
      </Stack>
    );
  }
  const c = course.data;
  const progress = c.viewer.enrolment?.progress.sessions ?? [];
  return (
    <Stack gap="lg" maw={900} mx="auto">
      <Stack gap="xs">
        <Anchor component={Link} to="/courses" size="sm" c="teal.9">
          {t('list.title')}
        </Anchor>
        <Title order={1}>{f.text(c.title)}</Title>
        <Group gap="xs">
          <Badge variant="light" color="teal" c="teal.9">
            {t(`formats.${c.format}`)}
          </Badge>
          <Badge variant="light" color="gray" c="gray.9">
            {t('list.hours', { hours: f.num(c.totalHours) })}
          </Badge>
          {c.status !== 'published' && (
            <Badge variant="light" color="yellow" c="dark.9">
              {t(`statuses.${c.status}`)}
            </Badge>
          )}
          {c.seatsLeft !== null && c.status === 'published' && (
            <Text size="sm" c="gray.8">
              {c.seatsLeft > 0 ? t('list.seatsLeft', { count: c.seatsLeft }) : t('list.full')}
            </Text>
          )}
        </Group>
        {f.text(c.description) && <Text style={{ whiteSpace: 'pre-line' }}>{f.text(c.description)}</Text>}
        <Text size="sm" c="gray.8">
          {t('course.threshold', { percent: f.percent(c.completionThreshold) })}
        </Text>
        {c.viewer.canManage && (
          <Anchor component={Link} to={`/staff/courses/${c.id}`} size="sm" c="teal.9">
            {t('staff.title')}
          </Anchor>
        )}
      </Stack>
      {c.status === 'cancelled' && (
        <Alert color="red" variant="light">
          <Text c="red.9">{t('statuses.cancelled')}</Text>
        </Alert>
      )}
      <Enrolment course={c} />
      {c.audiences.length > 0 && (
        <Stack gap={4} component="section" aria-labelledby="audience-title">
          <Title order={2} fz="h3" id="audience-title">
            {t('course.audience')}
          </Title>
          <Group gap="xs">
            {c.audiences.map((a) => (
              <Badge key={a} variant="outline" color="gray" c="gray.9">
                {t(`audiences.${a}`)}
              </Badge>
            ))}
          </Group>
        </Stack>
      )}
      {f.text(c.programme) && (
        <Stack gap={4} component="section" aria-labelledby="programme-title">
          <Title order={2} fz="h3" id="programme-title">
            {t('course.programme')}
          </Title>
          <Text style={{ whiteSpace: 'pre-line' }}>{f.text(c.programme)}</Text>
        </Stack>
      )}
      <Stack gap="sm" component="section" aria-labelledby="sessions-title">
        <Title order={2} fz="h3" id="sessions-title">
          {t('course.sessions')}
        </Title>
        <Stack gap="sm" component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
          {c.sessions.map((s, i) => {
            const att = progress.find((p) => p.sessionId === s.id)?.attendance;
            return (
              <li key={s.id}>
                <Paper withBorder p="sm" radius="md">
                  <Stack gap={4}>
                    <Group justify="space-between" gap="xs">
                      <Text fw={700}>{t('course.session', { n: i + 1 })}</Text>
                      <Group gap="xs">
                        <Badge variant="light" color="gray" c="gray.9">
                          {t('course.sessionHours', { hours: f.num(s.hours) })}
                        </Badge>
                        {s.cancelled && (
                          <Badge variant="light" color="red" c="red.9">
                            {t('course.cancelledSession')}
                          </Badge>
                        )}
                        {att && att !== 'unmarked' && (
                          <Badge
                            variant="light"
                            color={att === 'attended' ? 'teal' : 'yellow'}
                            c={att === 'attended' ? 'teal.9' : 'dark.9'}
                          >
                            {t(`attendance.${att}`)}
                          </Badge>
                        )}
                      </Group>
                    </Group>
                    <Text size="sm">
                      {f.session(s.startsAt, s.endsAt, s.timeZone)} ({s.timeZone})
                    </Text>
                    <Text size="sm" c="gray.8">
                      {t(`formats.${s.format}`)}
                      {s.venue
                        ? ` · ${[s.venue.name, s.venue.address, s.venue.municipality].filter(Boolean).join(', ')}`
                        : ''}
                    </Text>
                    {s.onlineUrl && (
                      <Anchor href={s.onlineUrl} size="sm" c="teal.9" target="_blank" rel="noreferrer">
                        {t('course.online')}
                      </Anchor>
                    )}
                  </Stack>
                </Paper>
              </li>
            );
          })}
        </Stack>
      </Stack>
    </Stack>
  );
}
