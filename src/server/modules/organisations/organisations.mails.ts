// Mails of the organisations module, in the recipient's language (it, en, ar).
import type { Locale } from '../auth/auth.table.js';

export type Mail = { subject: string; text: string };

const lang = (l: string): Locale => (l === 'en' || l === 'ar' ? l : 'it');

export function applicationReceivedMail(
  locale: string,
  p: { contactName: string; organisationName: string; networkName: string },
): Mail {
  switch (lang(locale)) {
    case 'en':
      return {
        subject: `${p.networkName}: we have received your application`,
        text: `Dear ${p.contactName},\n\nthank you: we have received the application of ${p.organisationName} to join ${p.networkName}.\nOur staff will review it and write to you at this address.\n\nThe ${p.networkName} team`,
      };
    case 'ar':
      return {
        subject: `${p.networkName}: لقد استلمنا طلبكم`,
        text: `${p.contactName} المحترم/ة،\n\nشكرًا لكم: لقد استلمنا طلب انضمام ${p.organisationName} إلى ${p.networkName}.\nسيقوم فريقنا بمراجعته وسنراسلكم على هذا العنوان.\n\nفريق ${p.networkName}`,
      };
    default:
      return {
        subject: `${p.networkName}: abbiamo ricevuto la vostra domanda`,
        text: `Gentile ${p.contactName},\n\ngrazie: abbiamo ricevuto la domanda di adesione di ${p.organisationName} a ${p.networkName}.\nLo staff la esaminerà e vi scriverà a questo indirizzo.\n\nLo staff di ${p.networkName}`,
      };
  }
}

export function applicationApprovedMail(
  locale: string,
  p: {
    contactName: string;
    organisationName: string;
    networkName: string;
    link: string;
    newAccount: boolean;
    note: string | null;
  },
): Mail {
  const note = p.note ? `\n\n${p.note}` : '';
  switch (lang(locale)) {
    case 'en':
      return {
        subject: `${p.networkName}: ${p.organisationName} is now a member`,
        text: `Dear ${p.contactName},\n\nwelcome! The application of ${p.organisationName} has been approved and you are its organisation admin.${note}\n\n${
          p.newAccount
            ? `Choose your password to enter the platform (the link is valid for 14 days):\n${p.link}`
            : `Log in with your account to manage the organisation:\n${p.link}`
        }\n\nThe ${p.networkName} team`,
      };
    case 'ar':
      return {
        subject: `${p.networkName}: أصبحت ${p.organisationName} عضوًا في الشبكة`,
        text: `${p.contactName} المحترم/ة،\n\nأهلًا بكم! تمت الموافقة على طلب ${p.organisationName} وأصبحتم مسؤولي المنظمة على المنصة.${note}\n\n${
          p.newAccount
            ? `اختاروا كلمة المرور للدخول إلى المنصة (الرابط صالح لمدة 14 يومًا):\n${p.link}`
            : `سجّلوا الدخول بحسابكم لإدارة المنظمة:\n${p.link}`
        }\n\nفريق ${p.networkName}`,
      };
    default:
      return {
        subject: `${p.networkName}: ${p.organisationName} ora fa parte della rete`,
        text: `Gentile ${p.contactName},\n\nbenvenuti! La domanda di ${p.organisationName} è stata approvata e lei ne è l'amministratore sulla piattaforma.${note}\n\n${
          p.newAccount
            ? `Scelga la sua password per entrare (il link vale 14 giorni):\n${p.link}`
            : `Acceda con il suo account per gestire l'organizzazione:\n${p.link}`
        }\n\nLo staff di ${p.networkName}`,
      };
  }
}

export function applicationRejectedMail(
  locale: string,
  p: { contactName: string; organisationName: string; networkName: string; note: string },
): Mail {
  switch (lang(locale)) {
    case 'en':
      return {
        subject: `${p.networkName}: outcome of your application`,
        text: `Dear ${p.contactName},\n\nwe are sorry to tell you that the application of ${p.organisationName} has not been accepted, for this reason:\n\n${p.note}\n\nThe ${p.networkName} team`,
      };
    case 'ar':
      return {
        subject: `${p.networkName}: نتيجة طلبكم`,
        text: `${p.contactName} المحترم/ة،\n\nيؤسفنا إبلاغكم بأن طلب ${p.organisationName} لم يُقبل، للسبب التالي:\n\n${p.note}\n\nفريق ${p.networkName}`,
      };
    default:
      return {
        subject: `${p.networkName}: esito della vostra domanda`,
        text: `Gentile ${p.contactName},\n\nci dispiace comunicarle che la domanda di ${p.organisationName} non è stata accolta, per questo motivo:\n\n${p.note}\n\nLo staff di ${p.networkName}`,
      };
  }
}

export function changesRequestedMail(
  locale: string,
  p: { contactName: string; organisationName: string; networkName: string; note: string; link: string },
): Mail {
  switch (lang(locale)) {
    case 'en':
      return {
        subject: `${p.networkName}: please complete your application`,
        text: `Dear ${p.contactName},\n\nbefore we can decide on the application of ${p.organisationName} we need some changes:\n\n${p.note}\n\nYou can edit and resubmit the application here:\n${p.link}\n\nThe ${p.networkName} team`,
      };
    case 'ar':
      return {
        subject: `${p.networkName}: يرجى استكمال طلبكم`,
        text: `${p.contactName} المحترم/ة،\n\nقبل أن نتخذ قرارًا بشأن طلب ${p.organisationName} نحتاج إلى بعض التعديلات:\n\n${p.note}\n\nيمكنكم تعديل الطلب وإعادة إرساله من هنا:\n${p.link}\n\nفريق ${p.networkName}`,
      };
    default:
      return {
        subject: `${p.networkName}: vi chiediamo di completare la domanda`,
        text: `Gentile ${p.contactName},\n\nprima di decidere sulla domanda di ${p.organisationName} abbiamo bisogno di alcune modifiche:\n\n${p.note}\n\nPuò modificare e inviare di nuovo la domanda qui:\n${p.link}\n\nLo staff di ${p.networkName}`,
      };
  }
}

export function colleagueInvitedMail(
  locale: string,
  p: {
    name: string;
    inviterName: string;
    organisationName: string;
    networkName: string;
    role: string;
    link: string;
    newAccount: boolean;
  },
): Mail {
  const roles: Record<Locale, Record<string, string>> = {
    it: { org_admin: 'amministratore', operator: 'operatore', delegate: 'delegato' },
    en: { org_admin: 'organisation admin', operator: 'operator', delegate: 'delegate' },
    ar: { org_admin: 'مسؤول المنظمة', operator: 'عامل', delegate: 'مندوب' },
  };
  const l = lang(locale);
  const role = roles[l][p.role] ?? p.role;
  switch (l) {
    case 'en':
      return {
        subject: `${p.networkName}: ${p.inviterName} invites you to ${p.organisationName}`,
        text: `Dear ${p.name},\n\n${p.inviterName} has added you to ${p.organisationName} on ${p.networkName} as ${role}.\n\n${
          p.newAccount
            ? `Choose your password to enter the platform (the link is valid for 14 days):\n${p.link}`
            : `Log in with your account:\n${p.link}`
        }\n\nThe ${p.networkName} team`,
      };
    case 'ar':
      return {
        subject: `${p.networkName}: ${p.inviterName} يدعوك إلى ${p.organisationName}`,
        text: `${p.name} المحترم/ة،\n\nأضافك ${p.inviterName} إلى ${p.organisationName} على ${p.networkName} بصفة ${role}.\n\n${
          p.newAccount
            ? `اختر كلمة المرور للدخول إلى المنصة (الرابط صالح لمدة 14 يومًا):\n${p.link}`
            : `سجّل الدخول بحسابك:\n${p.link}`
        }\n\nفريق ${p.networkName}`,
      };
    default:
      return {
        subject: `${p.networkName}: ${p.inviterName} la invita in ${p.organisationName}`,
        text: `Gentile ${p.name},\n\n${p.inviterName} l'ha aggiunta a ${p.organisationName} su ${p.networkName} come ${role}.\n\n${
          p.newAccount
            ? `Scelga la sua password per entrare (il link vale 14 giorni):\n${p.link}`
            : `Acceda con il suo account:\n${p.link}`
        }\n\nLo staff di ${p.networkName}`,
      };
  }
}
