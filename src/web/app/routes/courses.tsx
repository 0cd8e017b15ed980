// Public list of training courses, upcoming and past.
import { Button, Paper, SegmentedControl, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ui/error-alert.js';
import { useCourses } from '../../features/trainings/api/list-courses.js';
import { CourseCard } from '../../features/trainings/components/course-card.js';
import { TRAININGS_NS } from '../../features/trainings/messages.js';

export function Component() {
  const { t } = useTranslation(TRAININGS_NS);
  const [when, setWhen] = useState<'upcoming' | 'past'>('upcoming');
  const [limit, setLimit] = useState(20);
  const list = useCourses({ when, limit, status: 'published' });
  useEffect(() => {
    document.title = `${t('list.title')} · Trama`;
  }, [t]);
  return (
    <Stack gap="lg" maw={900} mx="auto">
      <Stack gap={4}>
        <Title order={1}>{t('list.title')}</Title>
        <Text c="gray.8">{t('list.intro')}</Text>
      </Stack>
      <SegmentedControl
        value={when}
        onChange={(v) => setWhen(v as 'upcoming' | 'past')}
        data={[
          { value: 'upcoming', label: t('list.upcoming') },
          { value: 'past', label: t('list.past') },
        ]}
        aria-label={t('list.title')}
        w="fit-content"
      />
      {list.isPending && <Skeleton h={120} radius="md" aria-hidden />}
      {list.isError && <ErrorAlert error={list.error} />}
      {list.data && list.data.items.length === 0 && (
        <Paper withBorder p="lg" radius="md">
          <Text>{t('list.empty')}</Text>
        </Paper>
      )}
      {list.data && list.data.items.length > 0 && (
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {list.data.items.map((c) => (
            <li key={c.id}>
              <CourseCard course={c} to={`/courses/${c.id}`} />
            </li>
          ))}
        </Stack>
      )}
      {list.data?.nextCursor && (
        <Button
          variant="light"
          c="teal.9"
          w="fit-content"
          onClick={() => setLimit((l) => Math.min(100, l + 20))}
        >
          {t('list.more')}
        </Button>
      )}
    </Stack>
  );
}
