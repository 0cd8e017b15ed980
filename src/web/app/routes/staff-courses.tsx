// Staff: every course (drafts too) and the form that creates a new one as a draft.
import { Button, NumberInput, Paper, Select, Skeleton, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { ErrorAlert } from '../../components/ui/error-alert.js';
import { PageLoader } from '../../components/ui/page-loader.js';
import { isStaffUser, useSession } from '../../features/auth/api/get-session.js';
import { useCreateCourse } from '../../features/trainings/api/create-course.js';
import { useCourses } from '../../features/trainings/api/list-courses.js';
import { CourseCard } from '../../features/trainings/components/course-card.js';
import { TRAININGS_NS } from '../../features/trainings/messages.js';
import { ApiError } from '../../lib/api-client.js';
import { errorText } from '../../lib/form-errors.js';

function NewCourse() {
  const { t } = useTranslation(TRAININGS_NS);
  const navigate = useNavigate();
  const create = useCreateCourse();
  const [title, setTitle] = useState('');
  const [format, setFormat] = useState<'in_person' | 'online' | 'hybrid'>('hybrid');
  const [seats, setSeats] = useState<number | string>('');
  const fieldError =
    create.error instanceof ApiError
      ? create.error.details?.fields?.find((f) => f.path.endsWith('title.it'))?.message
      : undefined;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="new-course">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate(
            { title: { it: title }, format, seats: typeof seats === 'number' ? seats : null },
            {
              onSuccess: (c) => navigate(`/staff/courses/${c.id}`),
              onError: (err) => notifications.show({ color: 'red', message: errorText(err, t) }),
            },
          );
        }}
      >
        <Stack gap="sm">
          <Title order={2} fz="h3" id="new-course">
            {t('staff.new')}
          </Title>
          <TextInput
            label={t('staff.titleIt')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            required
            error={fieldError}
          />
          <Select
            label={t('staff.format')}
            value={format}
            onChange={(v) => setFormat((v as typeof format) ?? 'hybrid')}
            data={(['in_person', 'online', 'hybrid'] as const).map((v) => ({
              value: v,
              label: t(`formats.${v}`),
            }))}
            allowDeselect={false}
          />
          <NumberInput label={t('staff.seats')} value={seats} onChange={setSeats} min={1} max={10000} />
          <Button type="submit" loading={create.isPending} w="fit-content" color="teal.9">
            {t('staff.create')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

export function Component() {
  const { t } = useTranslation(TRAININGS_NS);
  const session = useSession();
  const list = useCourses({ limit: 100 });
  useEffect(() => {
    document.title = `${t('staff.title')} · Trama`;
  }, [t]);
  if (session.isPending) return <PageLoader />;
  if (!isStaffUser(session.data?.user ?? null)) return <Navigate to="/login?next=/staff/courses" replace />;
  return (
    <Stack gap="lg" maw={1000} mx="auto">
      <Title order={1}>{t('staff.title')}</Title>
      <NewCourse />
      {list.isPending && <Skeleton h={120} aria-hidden />}
      {list.isError && <ErrorAlert error={list.error} />}
      {list.data?.items.length === 0 && <Text>{t('list.empty')}</Text>}
      <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {list.data?.items.map((c) => (
          <li key={c.id}>
            <CourseCard
              course={c}
              to={`/staff/courses/${c.id}`}
              extra={
                <Text size="sm" c="gray.8">
                  {`${t('enrolmentStatuses.enrolled')}: ${c.enrolled} · ${t('enrolmentStatuses.waitlisted')}: ${c.waitlisted}`}
                </Text>
              }
            />
          </li>
        ))}
      </Stack>
    </Stack>
  );
}
