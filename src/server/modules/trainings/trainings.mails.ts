// Mails of the trainings module, in the recipient's language (it, en, ar).
import type { Locale } from '../auth/auth.table.js';

export type Mail = { subject: string; text: string };

const lang = (l: string): Locale => (l === 'en' || l === 'ar' ? l : 'it');

export const titleIn = (t: Record<string, string>, l: string): string =>
  t[lang(l)]?.trim() || t.it?.trim() || Object.values(t).find((v) => v.trim()) || '';

type Common = { name: string; networkName: string; title: Record<string, string>; link: string };

const greet = (l: Locale, name: string) =>
  ({ it: `Gentile ${name},`, en: `Dear ${name},`, ar: `${name} المحترم/ة،` })[l];
const sign = (l: Locale, n: string) => ({ it: `Lo staff di ${n}`, en: `The ${n} team`, ar: `فريق ${n}` })[l];

function compose(l: Locale, p: Common, subject: string, body: string[]): Mail {
  return {
    subject,
    text: [greet(l, p.name), '', ...body, '', p.link, '', sign(l, p.networkName)].join('\n'),
  };
}

export function enrolledMail(locale: string, p: Common & { promoted: boolean; sessions: string[] }): Mail {
  const l = lang(locale);
  const title = titleIn(p.title, l);
  const t = {
    it: {
      subject: p.promoted
        ? `Si è liberato un posto: è iscritto/a a «${title}»`
        : `Iscrizione confermata: ${title}`,
      lead: p.promoted
        ? `si è liberato un posto e la sua iscrizione al corso «${title}» è ora confermata.`
        : `la sua iscrizione al corso «${title}» è confermata.`,
      sessions: 'Le sessioni (è già iscritto/a a ciascuna; le trova anche nei suoi eventi):',
      page: 'Pagina del corso, con i suoi progressi e l’attestato a fine corso:',
    },
    en: {
      subject: p.promoted
        ? `A seat came free: you are enrolled in "${title}"`
        : `Enrolment confirmed: ${title}`,
      lead: p.promoted
        ? `a seat came free and your enrolment in the course "${title}" is now confirmed.`
        : `your enrolment in the course "${title}" is confirmed.`,
      sessions: 'The sessions (you are registered to each; they are also in your events):',
      page: 'Course page, with your progress and the certificate at the end:',
    },
    ar: {
      subject: p.promoted ? `أصبح مقعد متاحاً: تم تسجيلك في «${title}»` : `تم تأكيد التسجيل: ${title}`,
      lead: p.promoted
        ? `أصبح مقعد متاحاً وتم الآن تأكيد تسجيلك في الدورة «${title}».`
        : `تم تأكيد تسجيلك في الدورة «${title}».`,
      sessions: 'الجلسات (أنت مسجل/ة في كل منها، وتجدها أيضاً في فعالياتك):',
      page: 'صفحة الدورة، مع تقدمك والشهادة في النهاية:',
    },
  }[l];
  return compose(l, p, t.subject, [t.lead, '', t.sessions, ...p.sessions.map((s) => `- ${s}`), '', t.page]);
}

export function waitlistedMail(locale: string, p: Common & { position: number }): Mail {
  const l = lang(locale);
  const title = titleIn(p.title, l);
  const t = {
    it: {
      subject: `In lista d’attesa: ${title}`,
      body: `il corso «${title}» è al completo: è in lista d’attesa (posizione ${p.position}). Se si libera un posto la iscriviamo e la avvisiamo per email.`,
    },
    en: {
      subject: `On the waiting list: ${title}`,
      body: `the course "${title}" is full: you are on the waiting list (position ${p.position}). If a seat comes free we enrol you and tell you by email.`,
    },
    ar: {
      subject: `على قائمة الانتظار: ${title}`,
      body: `الدورة «${title}» مكتملة: أنت على قائمة الانتظار (المركز ${p.position}). إذا أصبح مقعد متاحاً سنسجلك ونخبرك بالبريد الإلكتروني.`,
    },
  }[l];
  return compose(l, p, t.subject, [t.body]);
}

export function cancelledMail(locale: string, p: Common & { byCourse: boolean; note: string | null }): Mail {
  const l = lang(locale);
  const title = titleIn(p.title, l);
  const t = {
    it: {
      subject: p.byCourse ? `Corso annullato: ${title}` : `Iscrizione annullata: ${title}`,
      body: p.byCourse
        ? `ci dispiace: il corso «${title}» è stato annullato e con esso la sua iscrizione.`
        : `la sua iscrizione al corso «${title}» è stata annullata.`,
    },
    en: {
      subject: p.byCourse ? `Course cancelled: ${title}` : `Enrolment cancelled: ${title}`,
      body: p.byCourse
        ? `we are sorry: the course "${title}" has been cancelled, and your enrolment with it.`
        : `your enrolment in the course "${title}" has been cancelled.`,
    },
    ar: {
      subject: p.byCourse ? `تم إلغاء الدورة: ${title}` : `تم إلغاء التسجيل: ${title}`,
      body: p.byCourse
        ? `نأسف: تم إلغاء الدورة «${title}» ومعها تسجيلك.`
        : `تم إلغاء تسجيلك في الدورة «${title}».`,
    },
  }[l];
  return compose(l, p, t.subject, [t.body, ...(p.note ? ['', p.note] : [])]);
}
