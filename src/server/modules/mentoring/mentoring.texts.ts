// Texts of the in-app notifications of the mentoring module, in it/en/ar.
import type { Locale } from '../auth/auth.table.js';
import type { NotificationText } from '../notifications/notifications.service.js';

const fmtDate = (iso: string, locale: Locale, timeZone: string) =>
  new Intl.DateTimeFormat(locale === 'ar' ? 'ar' : locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  }).format(new Date(iso));

const fmtDay = (day: string, locale: Locale) =>
  new Intl.DateTimeFormat(locale === 'ar' ? 'ar' : locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );

export const mentoringTexts = {
  sessionScheduled:
    (org: string, startsAt: string, timeZone: string) =>
    (l: Locale): NotificationText => {
      const when = fmtDate(startsAt, l, timeZone);
      return {
        it: { title: `Sessione di accompagnamento il ${when}`, body: `Organizzazione: ${org}` },
        en: { title: `Mentoring session on ${when}`, body: `Organisation: ${org}` },
        ar: { title: `جلسة مرافقة في ${when}`, body: `المنظمة: ${org}` },
      }[l];
    },
  sessionRecorded:
    (org: string) =>
    (l: Locale): NotificationText =>
      ({
        it: { title: 'Nuova sessione registrata', body: `Organizzazione: ${org}` },
        en: { title: 'A session was recorded', body: `Organisation: ${org}` },
        ar: { title: 'تم تسجيل جلسة جديدة', body: `المنظمة: ${org}` },
      })[l],
  actionAssigned:
    (text: string, dueOn: string) =>
    (l: Locale): NotificationText =>
      ({
        it: { title: `Azione da fare entro il ${fmtDay(dueOn, l)}`, body: text },
        en: { title: `Action due by ${fmtDay(dueOn, l)}`, body: text },
        ar: { title: `إجراء مطلوب قبل ${fmtDay(dueOn, l)}`, body: text },
      })[l],
  actionOverdue:
    (text: string, dueOn: string) =>
    (l: Locale): NotificationText =>
      ({
        it: { title: `Azione scaduta il ${fmtDay(dueOn, l)}`, body: text },
        en: { title: `Action overdue since ${fmtDay(dueOn, l)}`, body: text },
        ar: { title: `إجراء متأخر منذ ${fmtDay(dueOn, l)}`, body: text },
      })[l],
  requestCreated:
    (org: string, topic: string) =>
    (l: Locale): NotificationText =>
      ({
        it: { title: `${org} chiede una sessione`, body: topic },
        en: { title: `${org} requests a session`, body: topic },
        ar: { title: `${org} تطلب جلسة`, body: topic },
      })[l],
  requestDeclined:
    (topic: string, reason: string) =>
    (l: Locale): NotificationText =>
      ({
        it: { title: 'Richiesta di sessione non accolta', body: [topic, reason].filter(Boolean).join(' — ') },
        en: { title: 'Session request declined', body: [topic, reason].filter(Boolean).join(' — ') },
        ar: { title: 'تم رفض طلب الجلسة', body: [topic, reason].filter(Boolean).join(' — ') },
      })[l],
  engagementStarted:
    (org: string) =>
    (l: Locale): NotificationText =>
      ({
        it: { title: 'Partecipa a un percorso di accompagnamento', body: `Organizzazione: ${org}` },
        en: { title: 'You take part in a mentoring engagement', body: `Organisation: ${org}` },
        ar: { title: 'أنت مشارك في مسار مرافقة', body: `المنظمة: ${org}` },
      })[l],
};
