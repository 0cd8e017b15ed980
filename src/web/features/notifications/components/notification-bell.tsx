// The bell in the header: a link to the notifications page with the unread count; nothing else is loaded here.
import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useUnreadCount } from '../api/unread-count.js';
import '../nav-messages.js';

export function NotificationBell() {
  const { t } = useTranslation('notificationsNav');
  const q = useUnreadCount(true);
  const count = q.data?.count ?? 0;
  const label = q.data?.capped ? t('bellMany') : t('bell', { count });
  return (
    <Button
      component={Link}
      to="/notifications"
      variant={count > 0 ? 'light' : 'subtle'}
      size="xs"
      px={6}
      aria-label={label}
      title={label}
      data-testid="notification-bell"
      leftSection={
        <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path
            fill="currentColor"
            d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z"
          />
        </svg>
      }
    >
      {/* The visible number is part of the accessible name (label in content), so none is shown at zero. */}
      {count > 0 && <span>{q.data?.capped ? '99+' : count}</span>}
    </Button>
  );
}
