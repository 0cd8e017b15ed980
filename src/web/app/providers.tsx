import {
  type CSSVariablesResolver,
  createTheme,
  DirectionProvider,
  Drawer,
  MantineProvider,
  Modal,
  Notification,
  Pagination,
} from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { applyDocumentLanguage, dirOf } from '../i18n/i18n.js';
import { ApiError } from '../lib/api-client.js';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      retry: (count, err) => !(err instanceof ApiError && err.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

const baseTheme = createTheme({
  // People who ask their device for less motion get dialogs and menus without animation.
  respectReducedMotion: true,
  primaryColor: 'teal',
  defaultRadius: 'md',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Arabic", sans-serif',
  headings: {
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Arabic", sans-serif',
  },
  // Mantine's teal 8 is 3.9:1 on white and teal 9 is 4.3:1 on the light-variant background (teal 1), both
  // below WCAG AA; shades 8 and 9 are darkened so filled, light and text uses of the primary colour pass.
  colors: {
    teal: [
      '#e6fcf5',
      '#c3fae8',
      '#96f2d7',
      '#63e6be',
      '#38d9a9',
      '#20c997',
      '#12b886',
      '#0ca678',
      '#087f5b',
      '#066a4c',
    ],
  },
  primaryShade: { light: 8, dark: 6 },
});

// Mantine's default "dimmed" grey (gray 6) is 3.3:1 on white and its placeholder grey (gray 5) 2.1:1, below
// WCAG AA for text (FileInput shows its placeholder as real text, which axe checks); gray 7 is 7:1.
const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-7)',
    // Field errors in the default red (red 6) are 3.3:1 on white; red 9 is 5.9:1.
    '--mantine-color-error': 'var(--mantine-color-red-9)',
  },
  dark: {},
});

/**
 * Mantine's icon-only controls (close buttons of modals, drawers and notifications; previous/next of
 * pagination) have no accessible name by default, so every page using them would fail axe's button-name
 * rule. They get translated names here once, in the current language; a component can still pass its own.
 */
function useTheme() {
  const { t, i18n } = useTranslation();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the labels depend on the language, read through t.
  return useMemo(() => {
    const close = { 'aria-label': t('actions.close') };
    const controls: Record<string, string> = { previous: t('actions.previous'), next: t('actions.next') };
    return createTheme({
      ...baseTheme,
      components: {
        Modal: Modal.extend({ defaultProps: { closeButtonProps: close } }),
        Drawer: Drawer.extend({ defaultProps: { closeButtonProps: close } }),
        Notification: Notification.extend({ defaultProps: { closeButtonProps: close } }),
        Pagination: Pagination.extend({
          defaultProps: {
            getControlProps: (control: string) =>
              controls[control] ? { 'aria-label': controls[control] } : {},
          },
        }),
      },
    });
  }, [t, i18n.language]);
}

function LanguageSync() {
  const { i18n } = useTranslation();
  useEffect(() => {
    applyDocumentLanguage(i18n.language);
  }, [i18n.language]);
  return null;
}

export function Providers({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const theme = useTheme();
  return (
    <DirectionProvider initialDirection={dirOf(i18n.language)} detectDirection={false}>
      <MantineProvider theme={theme} defaultColorScheme="light" cssVariablesResolver={cssVariablesResolver}>
        <Notifications position="top-center" />
        <QueryClientProvider client={queryClient}>
          <LanguageSync />
          {children}
        </QueryClientProvider>
      </MantineProvider>
    </DirectionProvider>
  );
}
