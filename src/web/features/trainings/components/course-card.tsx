// A course in a list: title, dates, hours, format and seats.
import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CourseSummary } from '../../../../shared/trainings.js';
import { TRAININGS_NS } from '../messages.js';
import { useCourseFormat } from './format.js';

export function CourseCard({
  course,
  to,
  headingLevel = 2,
  extra,
}: {
  course: CourseSummary;
  to: string;
  headingLevel?: 2 | 3;
  extra?: ReactNode;
}) {
  const { t } = useTranslation(TRAININGS_NS);
  const f = useCourseFormat();
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap={6}>
        <Title order={headingLevel} fz="h4">
          <Anchor component={Link} to={to} c="teal.9">
            {f.text(course.title)}
          </Anchor>
        </Title>
        {course.startsAt && course.endsAt && (
          <Text size="sm" c="gray.8">
            {course.startsAt.slice(0, 10) === course.endsAt.slice(0, 10)
              ? f.day(course.startsAt)
              : `${f.day(course.startsAt)} – ${f.day(course.endsAt)}`}
          </Text>
        )}
        <Group gap="xs">
          <Badge variant="light" color="teal" c="teal.9">
            {t(`formats.${course.format}`)}
          </Badge>
          <Badge variant="light" color="gray" c="gray.9">
            {t('list.hours', { hours: f.num(course.totalHours) })}
          </Badge>
          <Badge variant="light" color="gray" c="gray.9">
            {t('list.sessions', { count: course.sessionCount })}
          </Badge>
          {course.status !== 'published' && (
            <Badge variant="light" color="yellow" c="dark.9">
              {t(`statuses.${course.status}`)}
            </Badge>
          )}
          {course.seatsLeft !== null && course.status === 'published' && (
            <Text size="sm" c="gray.8">
              {course.seatsLeft > 0 ? t('list.seatsLeft', { count: course.seatsLeft }) : t('list.full')}
            </Text>
          )}
        </Group>
        {extra}
      </Stack>
    </Paper>
  );
}
