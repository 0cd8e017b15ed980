// PLACEHOLDER: to be replaced by the real page.
import { Title } from '@mantine/core';

export function Component() {
  return <Title order={1}>organisation</Title>;
}
