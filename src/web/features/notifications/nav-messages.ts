// The few words the page frame needs for the notification bell, kept apart so the first page stays small.
import { addMessages } from '../../i18n/i18n.js';

addMessages('notificationsNav', {
  it: {
    bell_zero: 'Notifiche: nessuna da leggere',
    bell_one: 'Notifiche: {{count}} da leggere',
    bell_other: 'Notifiche: {{count}} da leggere',
    bellMany: 'Notifiche: 99+ da leggere',
    notifications: 'Notifiche',
    mentoring: 'Accompagnamento',
    staffMentoring: 'Accompagnamento e supervisione',
  },
  en: {
    bell_zero: 'Notifications: none unread',
    bell_one: 'Notifications: {{count}} unread',
    bell_other: 'Notifications: {{count}} unread',
    bellMany: 'Notifications: 99+ unread',
    notifications: 'Notifications',
    mentoring: 'Mentoring',
    staffMentoring: 'Mentoring and supervision',
  },
  ar: {
    bell_zero: 'الإشعارات: لا شيء غير مقروء',
    bell_one: 'الإشعارات: {{count}} غير مقروء',
    bell_two: 'الإشعارات: {{count}} غير مقروءين',
    bell_few: 'الإشعارات: {{count}} غير مقروءة',
    bell_many: 'الإشعارات: {{count}} غير مقروءًا',
    bell_other: 'الإشعارات: {{count}} غير مقروءة',
    bellMany: 'الإشعارات: 99+ غير مقروءة',
    notifications: 'الإشعارات',
    mentoring: 'المرافقة',
    staffMentoring: 'المرافقة والإشراف',
  },
});
