// The narrow-screen twin of a table: one card per row in a labelled list, shown below the `sm` breakpoint
// while the table shows above it.
import { Stack } from '@mantine/core';
import type { ReactNode } from 'react';

export function PhoneCardList({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack
      hiddenFrom="sm"
      gap="sm"
      component="ul"
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
      aria-label={label}
    >
      {children}
    </Stack>
  );
}
