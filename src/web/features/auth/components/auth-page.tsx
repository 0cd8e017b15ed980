// The narrow frame shared by login, registration, password and invitation pages.
import { Container, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

export function AuthPage({
  title,
  intro,
  children,
}: {
  title: string;
  intro?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Container size={460} px={0} py="lg">
      <Paper withBorder p={{ base: 'md', sm: 'xl' }} radius="md">
        <Stack gap="md">
          <Title order={1} fz={{ base: 26, sm: 30 }}>
            {title}
          </Title>
          {intro && <Text c="gray.8">{intro}</Text>}
          {children}
        </Stack>
      </Paper>
    </Container>
  );
}
