// Texts of the forum's in-app notifications (and the mails made from them), in it/en/ar.
import type { Locale } from '../auth/auth.table.js';
import type { NotificationText } from '../notifications/notifications.service.js';

const clip = (s: string, n = 280) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export const forumTexts = {
  newPost:
    (author: string, thread: string, excerpt: string) =>
    (l: Locale): NotificationText =>
      ({
        it: { title: `${author} ha scritto in «${clip(thread, 120)}»`, body: clip(excerpt) },
        en: { title: `${author} wrote in “${clip(thread, 120)}”`, body: clip(excerpt) },
        ar: { title: `كتب ${author} في «${clip(thread, 120)}»`, body: clip(excerpt) },
      })[l],
  newThread:
    (author: string, thread: string, space: string) =>
    (l: Locale): NotificationText =>
      ({
        it: { title: `Nuova discussione in ${space}: «${clip(thread, 120)}»`, body: `di ${author}` },
        en: { title: `New thread in ${space}: “${clip(thread, 120)}”`, body: `by ${author}` },
        ar: { title: `موضوع جديد في ${space}: «${clip(thread, 120)}»`, body: `بقلم ${author}` },
      })[l],
  mention:
    (author: string, thread: string) =>
    (l: Locale): NotificationText =>
      ({
        it: { title: `${author} ti ha menzionato in «${clip(thread, 120)}»` },
        en: { title: `${author} mentioned you in “${clip(thread, 120)}”` },
        ar: { title: `أشار إليك ${author} في «${clip(thread, 120)}»` },
      })[l],
  accepted:
    (thread: string) =>
    (l: Locale): NotificationText =>
      ({
        it: { title: `La tua risposta a «${clip(thread, 120)}» è stata accettata` },
        en: { title: `Your answer to “${clip(thread, 120)}” was accepted` },
        ar: { title: `تم قبول إجابتك على «${clip(thread, 120)}»` },
      })[l],
  held:
    (author: string, thread: string) =>
    (l: Locale): NotificationText =>
      ({
        it: { title: `Un messaggio di ${author} attende approvazione`, body: clip(thread, 200) },
        en: { title: `A post by ${author} is waiting for approval`, body: clip(thread, 200) },
        ar: { title: `رسالة من ${author} بانتظار الموافقة`, body: clip(thread, 200) },
      })[l],
  flagged:
    (thread: string) =>
    (l: Locale): NotificationText =>
      ({
        it: { title: 'Un messaggio è stato segnalato', body: clip(thread, 200) },
        en: { title: 'A post was flagged', body: clip(thread, 200) },
        ar: { title: 'تم الإبلاغ عن رسالة', body: clip(thread, 200) },
      })[l],
  approved:
    (thread: string) =>
    (l: Locale): NotificationText =>
      ({
        it: { title: `Il tuo messaggio in «${clip(thread, 120)}» è stato approvato` },
        en: { title: `Your post in “${clip(thread, 120)}” was approved` },
        ar: { title: `تمت الموافقة على رسالتك في «${clip(thread, 120)}»` },
      })[l],
};
