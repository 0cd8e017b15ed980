// What an applicant sees once the application is sent: a confirmation and what happens next.
import { Button, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { APPLICATIONS_NS } from '../messages.js';

export function JoinDone({ name, email }: { name: string; email: string }) {
  const { t } = useTranslation(APPLICATIONS_NS);
  const heading = useRef<HTMLHeadingElement>(null);
  // The form is replaced in place: move focus to the news so screen readers announce it.
  useEffect(() => {
    heading.current?.focus();
    window.scrollTo({ top: 0 });
  }, []);
  return (
    <Stack gap="lg" maw={720} mx="auto">
      <Title order={1} ref={heading} tabIndex={-1}>
        {t('done.title')}
      </Title>
      <Text size="lg">{t('done.body', { name, email })}</Text>
      <Paper withBorder radius="md" p="lg">
        <Title order={2} fz="h3" mb="sm">
          {t('done.next')}
        </Title>
        <List type="ordered" spacing="xs">
          {(t('done.steps', { returnObjects: true }) as string[]).map((s) => (
            <List.Item key={s}>{s}</List.Item>
          ))}
        </List>
      </Paper>
      <div>
        <Button component={Link} to="/" variant="default">
          {t('done.home')}
        </Button>
      </div>
    </Stack>
  );
}
