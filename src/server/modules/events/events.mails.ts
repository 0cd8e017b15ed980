// Mails of the events module, in the recipient's language (it, en, ar).
import type { Locale } from '../auth/auth.table.js';

export type Mail = { subject: string; text: string };

const lang = (l: string): Locale => (l === 'en' || l === 'ar' ? l : 'it');
const TAG: Record<Locale, string> = { it: 'it-IT', en: 'en-GB', ar: 'ar' };

export type MailEvent = {
  title: Record<string, string>;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  place: string | null;
  link: string;
};

export const titleIn = (t: Record<string, string>, l: string): string =>
  t[lang(l)]?.trim() || t.it?.trim() || Object.values(t).find((v) => v.trim()) || '';

/** "giovedì 14 maggio 2026, 09:30 – 11:30 (Europe/Rome)" in the reader's language and the event's zone. */
export function when(e: Pick<MailEvent, 'startsAt' | 'endsAt' | 'timeZone'>, l: string): string {
  const tag = TAG[lang(l)];
  const day = new Intl.DateTimeFormat(tag, { dateStyle: 'full', timeStyle: 'short', timeZone: e.timeZone });
  const sameDay =
    new Intl.DateTimeFormat('en-CA', { dateStyle: 'short', timeZone: e.timeZone }).format(e.startsAt) ===
    new Intl.DateTimeFormat('en-CA', { dateStyle: 'short', timeZone: e.timeZone }).format(e.endsAt);
  const end = sameDay
    ? new Intl.DateTimeFormat(tag, { timeStyle: 'short', timeZone: e.timeZone }).format(e.endsAt)
    : day.format(e.endsAt);
  return `${day.format(e.startsAt)} – ${end} (${e.timeZone})`;
}

type Common = { name: string; networkName: string; event: MailEvent };

function details(l: Locale, p: Common): string {
  const label = {
    it: { when: 'Quando', where: 'Dove', page: "Pagina dell'evento" },
    en: { when: 'When', where: 'Where', page: 'Event page' },
    ar: { when: 'الموعد', where: 'المكان', page: 'صفحة الفعالية' },
  }[l];
  return [
    `${titleIn(p.event.title, l)}`,
    `${label.when}: ${when(p.event, l)}`,
    ...(p.event.place ? [`${label.where}: ${p.event.place}`] : []),
    `${label.page}: ${p.event.link}`,
  ].join('\n');
}

const greet = (l: Locale, name: string) =>
  ({ it: `Gentile ${name},`, en: `Dear ${name},`, ar: `${name} المحترم/ة،` })[l];
const sign = (l: Locale, n: string) => ({ it: `Lo staff di ${n}`, en: `The ${n} team`, ar: `فريق ${n}` })[l];

function access(
  l: Locale,
  p: { checkInCode: string | null; onlineUrl: string | null; manageLink: string },
): string {
  const t = {
    it: {
      code: 'Il suo codice per il check-in (lo mostri all’ingresso; il QR code è nella pagina qui sotto)',
      online: 'Link per partecipare online',
      manage: 'Vedere il QR code o annullare l’iscrizione (senza accedere)',
    },
    en: {
      code: 'Your check-in code (show it at the entrance; the QR code is on the page below)',
      online: 'Link to join online',
      manage: 'See your QR code or cancel your registration (no login needed)',
    },
    ar: {
      code: 'رمز تسجيل الحضور الخاص بك (اعرضه عند المدخل؛ رمز QR موجود في الصفحة أدناه)',
      online: 'رابط المشاركة عبر الإنترنت',
      manage: 'عرض رمز QR أو إلغاء التسجيل (دون تسجيل الدخول)',
    },
  }[l];
  return [
    ...(p.checkInCode ? [`${t.code}: ${p.checkInCode}`] : []),
    ...(p.onlineUrl ? [`${t.online}: ${p.onlineUrl}`] : []),
    `${t.manage}:\n${p.manageLink}`,
  ].join('\n\n');
}

export function confirmedMail(
  locale: string,
  p: Common & { checkInCode: string | null; onlineUrl: string | null; manageLink: string; promoted: boolean },
): Mail {
  const l = lang(locale);
  const title = titleIn(p.event.title, l);
  const intro = p.promoted
    ? {
        it: `si è liberato un posto: la sua iscrizione dalla lista d’attesa è ora confermata.`,
        en: `a seat has become free: your registration from the waiting list is now confirmed.`,
        ar: `أصبح هناك مقعد شاغر: تم الآن تأكيد تسجيلك من قائمة الانتظار.`,
      }[l]
    : {
        it: `la sua iscrizione è confermata.`,
        en: `your registration is confirmed.`,
        ar: `تم تأكيد تسجيلك.`,
      }[l];
  const subject = p.promoted
    ? { it: `Posto confermato: ${title}`, en: `Seat confirmed: ${title}`, ar: `تم تأكيد مقعدك: ${title}` }[l]
    : {
        it: `Iscrizione confermata: ${title}`,
        en: `Registration confirmed: ${title}`,
        ar: `تم تأكيد التسجيل: ${title}`,
      }[l];
  return {
    subject,
    text: `${greet(l, p.name)}\n\n${intro}\n\n${details(l, p)}\n\n${access(l, p)}\n\n${sign(l, p.networkName)}`,
  };
}

export function waitlistedMail(locale: string, p: Common & { manageLink: string }): Mail {
  const l = lang(locale);
  const title = titleIn(p.event.title, l);
  const t = {
    it: {
      s: `In lista d’attesa: ${title}`,
      b: `i posti sono esauriti: la abbiamo messa in lista d’attesa. Se si libera un posto la iscriviamo automaticamente e le scriviamo.`,
      m: 'Per lasciare la lista d’attesa',
    },
    en: {
      s: `On the waiting list: ${title}`,
      b: `the event is full: you are on the waiting list. If a seat becomes free we register you automatically and write to you.`,
      m: 'To leave the waiting list',
    },
    ar: {
      s: `في قائمة الانتظار: ${title}`,
      b: `اكتمل عدد المقاعد: تمت إضافتك إلى قائمة الانتظار. إذا أصبح هناك مقعد شاغر سنسجلك تلقائيًا ونراسلك.`,
      m: 'لمغادرة قائمة الانتظار',
    },
  }[l];
  return {
    subject: t.s,
    text: `${greet(l, p.name)}\n\n${t.b}\n\n${details(l, p)}\n\n${t.m}:\n${p.manageLink}\n\n${sign(l, p.networkName)}`,
  };
}

export function confirmEmailMail(locale: string, p: Common & { confirmLink: string }): Mail {
  const l = lang(locale);
  const title = titleIn(p.event.title, l);
  const t = {
    it: {
      s: `Confermi la sua iscrizione: ${title}`,
      b: `per completare l’iscrizione apra questo link (il posto viene assegnato quando conferma):`,
      x: 'Se non si è iscritto lei, ignori questo messaggio.',
    },
    en: {
      s: `Please confirm your registration: ${title}`,
      b: `to complete your registration open this link (your seat is assigned when you confirm):`,
      x: 'If you did not register, ignore this message.',
    },
    ar: {
      s: `يرجى تأكيد تسجيلك: ${title}`,
      b: `لإكمال التسجيل افتح هذا الرابط (يُخصص المقعد عند التأكيد):`,
      x: 'إذا لم تقم بالتسجيل، تجاهل هذه الرسالة.',
    },
  }[l];
  return {
    subject: t.s,
    text: `${greet(l, p.name)}\n\n${t.b}\n${p.confirmLink}\n\n${details(l, p)}\n\n${t.x}\n\n${sign(l, p.networkName)}`,
  };
}

/** Someone asked to register this address as a guest, but it is registered already: its owner is told. */
export function alreadyRegisteredMail(locale: string, p: Common & { manageLink: string }): Mail {
  const l = lang(locale);
  const title = titleIn(p.event.title, l);
  const t = {
    it: {
      s: `È già iscritto/a: ${title}`,
      b: 'abbiamo ricevuto una richiesta di iscrizione a questo evento con il suo indirizzo email, che risulta già iscritto. Non abbiamo cambiato nulla.',
      m: 'Vedere la sua iscrizione, il QR code o annullarla',
      x: 'Se la richiesta non è sua, ignori questo messaggio.',
    },
    en: {
      s: `You are registered already: ${title}`,
      b: 'we received a request to register for this event with your email address, which is registered already. Nothing has changed.',
      m: 'See your registration and QR code, or cancel it',
      x: 'If you did not make this request, ignore this message.',
    },
    ar: {
      s: `أنت مسجل/ة بالفعل: ${title}`,
      b: 'تلقينا طلب تسجيل في هذه الفعالية باستخدام عنوان بريدك الإلكتروني، وهو مسجل بالفعل. لم يتغير شيء.',
      m: 'عرض تسجيلك ورمز QR أو إلغاؤه',
      x: 'إذا لم تقم بهذا الطلب، تجاهل هذه الرسالة.',
    },
  }[l];
  return {
    subject: t.s,
    text: `${greet(l, p.name)}\n\n${t.b}\n\n${details(l, p)}\n\n${t.m}:\n${p.manageLink}\n\n${t.x}\n\n${sign(l, p.networkName)}`,
  };
}

export function reminderMail(
  locale: string,
  p: Common & { checkInCode: string | null; onlineUrl: string | null; manageLink: string },
): Mail {
  const l = lang(locale);
  const title = titleIn(p.event.title, l);
  const t = {
    it: { s: `Promemoria: ${title}`, b: 'le ricordiamo che l’evento a cui è iscritto/a inizia a breve.' },
    en: { s: `Reminder: ${title}`, b: 'a reminder that the event you registered for starts soon.' },
    ar: { s: `تذكير: ${title}`, b: 'نذكّرك بأن الفعالية التي سجلت فيها ستبدأ قريبًا.' },
  }[l];
  return {
    subject: t.s,
    text: `${greet(l, p.name)}\n\n${t.b}\n\n${details(l, p)}\n\n${access(l, p)}\n\n${sign(l, p.networkName)}`,
  };
}

export function eventCancelledMail(locale: string, p: Common & { note: string | null }): Mail {
  const l = lang(locale);
  const title = titleIn(p.event.title, l);
  const note = p.note ? `\n\n${p.note}` : '';
  const t = {
    it: { s: `Evento annullato: ${title}`, b: 'ci dispiace: questo evento è stato annullato.' },
    en: { s: `Event cancelled: ${title}`, b: 'we are sorry: this event has been cancelled.' },
    ar: { s: `تم إلغاء الفعالية: ${title}`, b: 'نأسف: تم إلغاء هذه الفعالية.' },
  }[l];
  return {
    subject: t.s,
    text: `${greet(l, p.name)}\n\n${t.b}${note}\n\n${details(l, p)}\n\n${sign(l, p.networkName)}`,
  };
}

export function invitationMail(locale: string, p: Omit<Common, 'name'>): Mail {
  const l = lang(locale);
  const title = titleIn(p.event.title, l);
  const t = {
    it: {
      s: `Invito: ${title}`,
      g: 'Buongiorno,',
      b: 'è invitato/a a questo evento. Può iscriversi dalla pagina dell’evento.',
    },
    en: {
      s: `Invitation: ${title}`,
      g: 'Hello,',
      b: 'you are invited to this event. You can register from the event page.',
    },
    ar: {
      s: `دعوة: ${title}`,
      g: 'مرحبًا،',
      b: 'أنت مدعو/ة إلى هذه الفعالية. يمكنك التسجيل من صفحة الفعالية.',
    },
  }[l];
  return {
    subject: t.s,
    text: `${t.g}\n\n${t.b}\n\n${details(l, { ...p, name: '' })}\n\n${sign(l, p.networkName)}`,
  };
}
