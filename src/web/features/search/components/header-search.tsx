// The search entry in the header: a button that opens a small field; the words go to /search?q=.
// The field exists only while open, so pages keep a single search box of their own.
import { ActionIcon, Button, Group, Popover, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import '../nav-messages.js';

export function HeaderSearch() {
  const { t } = useTranslation('searchNav');
  const navigate = useNavigate();
  const [opened, { toggle, close }] = useDisclosure(false);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const q = String(new FormData(e.currentTarget).get('q') ?? '').trim();
    close();
    navigate(q ? `/search?q=${encodeURIComponent(q)}` : '/search');
  };
  return (
    <Popover
      opened={opened}
      onChange={(o) => !o && close()}
      position="bottom-end"
      trapFocus
      returnFocus
      shadow="md"
    >
      <Popover.Target>
        <ActionIcon
          variant="subtle"
          size="lg"
          c="teal.9"
          aria-label={t('label')}
          title={t('label')}
          aria-expanded={opened}
          onClick={toggle}
          data-testid="header-search-toggle"
        >
          <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path
              fill="currentColor"
              d="M10 2a8 8 0 0 1 6.32 12.9l5.39 5.4-1.41 1.4-5.4-5.38A8 8 0 1 1 10 2Zm0 2a6 6 0 1 0 0 12 6 6 0 0 0 0-12Z"
            />
          </svg>
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown>
        <search aria-label={t('label')}>
          <form onSubmit={submit}>
            <Group gap="xs" wrap="nowrap">
              <TextInput
                name="q"
                type="search"
                w={{ base: 190, sm: 260 }}
                maxLength={200}
                aria-label={t('field')}
                placeholder={t('placeholder')}
                data-autofocus
              />
              <Button type="submit">{t('submit')}</Button>
            </Group>
          </form>
        </search>
      </Popover.Dropdown>
    </Popover>
  );
}
