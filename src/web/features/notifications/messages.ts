// Messages of the notifications page (namespace "notifications").
import { addMessages } from '../../i18n/i18n.js';

export const NOTIFICATIONS_NS = 'notifications';

addMessages(NOTIFICATIONS_NS, {
  it: {
    title: 'Notifiche',
    intro: 'Quello che la riguarda nella rete: sessioni, azioni da fare, richieste.',
    all: 'Tutte',
    unread: 'Da leggere',
    filter: 'Quali notifiche',
    empty: 'Nessuna notifica.',
    markRead: 'Segna come letta',
    markAllRead: 'Segna tutte come lette',
    open: 'Apri',
    more: 'Mostra altre',
    unreadBadge: 'Da leggere',
  },
  en: {
    title: 'Notifications',
    intro: 'What concerns you in the network: sessions, actions to do, requests.',
    all: 'All',
    unread: 'Unread',
    filter: 'Which notifications',
    empty: 'No notifications.',
    markRead: 'Mark as read',
    markAllRead: 'Mark all as read',
    open: 'Open',
    more: 'Show more',
    unreadBadge: 'Unread',
  },
  ar: {
    title: 'الإشعارات',
    intro: 'ما يخصك في الشبكة: الجلسات والإجراءات المطلوبة والطلبات.',
    all: 'الكل',
    unread: 'غير المقروءة',
    filter: 'أي إشعارات',
    empty: 'لا توجد إشعارات.',
    markRead: 'تعليم كمقروء',
    markAllRead: 'تعليم الكل كمقروء',
    open: 'فتح',
    more: 'عرض المزيد',
    unreadBadge: 'غير مقروء',
  },
});
