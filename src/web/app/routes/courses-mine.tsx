// "My courses": the person's enrolments, hours attended, completion and certificates.
import { Badge, Button, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation } from 'react-router';
import { ErrorAlert } from '../../components/ui/error-alert.js';
import { PageLoader } from '../../components/ui/page-loader.js';
import { useSession } from '../../features/auth/api/get-session.js';
import { useMyCourses } from '../../features/trainings/api/my-courses.js';
import { CourseCard } from '../../features/trainings/components/course-card.js';
import { ProgressPanel } from '../../features/trainings/components/progress-panel.js';
import { TRAININGS_NS } from '../../features/trainings/messages.js';

export function Component() {
  const { t } = useTranslation(TRAININGS_NS);
  const session = useSession();
  const location = useLocation();
  const list = useMyCourses();
  useEffect(() => {
    document.title = `${t('my.title')} · Trama`;
  }, [t]);
  if (session.isPending) return <PageLoader />;
  if (!session.data?.user)
    return <Navigate to={`/login?next=${encodeURIComponent(location.pathname)}`} replace />;
  return (
    <Stack gap="lg" maw={900} mx="auto">
      <Stack gap={4}>
        <Title order={1}>{t('my.title')}</Title>
        <Text c="gray.8">{t('my.intro')}</Text>
      </Stack>
      {list.isPending && <Skeleton h={120} radius="md" aria-hidden />}
      {list.isError && <ErrorAlert error={list.error} />}
      {list.data?.items.length === 0 && (
        <Paper withBorder p="lg" radius="md">
          <Text>{t('my.empty')}</Text>
          <Button component={Link} to="/courses" mt="sm" variant="light" c="teal.9">
            {t('my.browse')}
          </Button>
        </Paper>
      )}
      {list.data && list.data.items.length > 0 && (
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {list.data.items.map(({ course, enrolment }) => (
            <li key={enrolment.id}>
              <CourseCard
                course={course}
                to={`/courses/${course.id}`}
                extra={
                  enrolment.status === 'enrolled' ? (
                    <ProgressPanel enrolment={enrolment} threshold={course.completionThreshold} />
                  ) : (
                    <Badge variant="light" color="yellow" c="dark.9" w="fit-content">
                      {t(`enrolmentStatuses.${enrolment.status}`)}
                    </Badge>
                  )
                }
              />
            </li>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
