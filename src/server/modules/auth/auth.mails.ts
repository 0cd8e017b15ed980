// Texts of the mails the auth module sends, in the recipient's language.
import type { Locale } from './auth.table.js';

export type MailText = { subject: string; text: string };

type Vars = { name: string; link: string; networkName: string };

const VERIFY_HOURS = 48;
const RESET_MINUTES = 60;

export const VERIFY_EMAIL_TTL_MS = VERIFY_HOURS * 60 * 60 * 1000;
export const RESET_PASSWORD_TTL_MS = RESET_MINUTES * 60 * 1000;

const verifyEmail: Record<Locale, (v: Vars) => MailText> = {
  it: (v) => ({
    subject: `Conferma il tuo indirizzo email – ${v.networkName}`,
    text: [
      `Ciao ${v.name},`,
      '',
      `grazie per esserti registrato/a su ${v.networkName}. Per confermare il tuo indirizzo email apri questo collegamento:`,
      '',
      v.link,
      '',
      `Il collegamento vale ${VERIFY_HOURS} ore e si può usare una sola volta.`,
      'Se non sei stato/a tu a registrarti, ignora questo messaggio.',
      '',
      v.networkName,
    ].join('\n'),
  }),
  en: (v) => ({
    subject: `Confirm your email address – ${v.networkName}`,
    text: [
      `Hello ${v.name},`,
      '',
      `thank you for signing up to ${v.networkName}. To confirm your email address, open this link:`,
      '',
      v.link,
      '',
      `The link is valid for ${VERIFY_HOURS} hours and works only once.`,
      'If you did not sign up, you can ignore this message.',
      '',
      v.networkName,
    ].join('\n'),
  }),
  ar: (v) => ({
    subject: `تأكيد عنوان بريدك الإلكتروني – ${v.networkName}`,
    text: [
      `مرحبًا ${v.name}،`,
      '',
      `شكرًا لتسجيلك في ${v.networkName}. لتأكيد عنوان بريدك الإلكتروني، افتح هذا الرابط:`,
      '',
      v.link,
      '',
      `الرابط صالح لمدة ${VERIFY_HOURS} ساعة ويمكن استخدامه مرة واحدة فقط.`,
      'إذا لم تقم بالتسجيل، يمكنك تجاهل هذه الرسالة.',
      '',
      v.networkName,
    ].join('\n'),
  }),
};

const resetPassword: Record<Locale, (v: Vars) => MailText> = {
  it: (v) => ({
    subject: `Reimposta la password – ${v.networkName}`,
    text: [
      `Ciao ${v.name},`,
      '',
      `abbiamo ricevuto una richiesta di reimpostare la password del tuo account su ${v.networkName}. Per sceglierne una nuova apri questo collegamento:`,
      '',
      v.link,
      '',
      `Il collegamento vale ${RESET_MINUTES} minuti e si può usare una sola volta. Dopo il cambio, tutte le sessioni aperte verranno chiuse.`,
      'Se non hai chiesto tu di reimpostare la password, ignora questo messaggio: la password attuale resta valida.',
      '',
      v.networkName,
    ].join('\n'),
  }),
  en: (v) => ({
    subject: `Reset your password – ${v.networkName}`,
    text: [
      `Hello ${v.name},`,
      '',
      `we received a request to reset the password of your ${v.networkName} account. To choose a new one, open this link:`,
      '',
      v.link,
      '',
      `The link is valid for ${RESET_MINUTES} minutes and works only once. After the change you will be logged out everywhere.`,
      'If you did not ask for this, ignore this message: your current password stays valid.',
      '',
      v.networkName,
    ].join('\n'),
  }),
  ar: (v) => ({
    subject: `إعادة تعيين كلمة المرور – ${v.networkName}`,
    text: [
      `مرحبًا ${v.name}،`,
      '',
      `تلقّينا طلبًا لإعادة تعيين كلمة مرور حسابك في ${v.networkName}. لاختيار كلمة مرور جديدة، افتح هذا الرابط:`,
      '',
      v.link,
      '',
      `الرابط صالح لمدة ${RESET_MINUTES} دقيقة ويمكن استخدامه مرة واحدة فقط. بعد التغيير سيتم تسجيل خروجك من جميع الأجهزة.`,
      'إذا لم تطلب ذلك، تجاهل هذه الرسالة: كلمة مرورك الحالية تبقى صالحة.',
      '',
      v.networkName,
    ].join('\n'),
  }),
};

type ChangedVars = { name: string; networkName: string; resetLink: string };

const passwordChanged: Record<Locale, (v: ChangedVars) => MailText> = {
  it: (v) => ({
    subject: `La tua password è stata cambiata – ${v.networkName}`,
    text: [
      `Ciao ${v.name},`,
      '',
      `la password del tuo account su ${v.networkName} è stata appena cambiata.`,
      `Se non sei stato/a tu, reimpostala subito da qui: ${v.resetLink}`,
      '',
      v.networkName,
    ].join('\n'),
  }),
  en: (v) => ({
    subject: `Your password was changed – ${v.networkName}`,
    text: [
      `Hello ${v.name},`,
      '',
      `the password of your ${v.networkName} account has just been changed.`,
      `If this was not you, reset it straight away here: ${v.resetLink}`,
      '',
      v.networkName,
    ].join('\n'),
  }),
  ar: (v) => ({
    subject: `تم تغيير كلمة المرور – ${v.networkName}`,
    text: [
      `مرحبًا ${v.name}،`,
      '',
      `تم للتوّ تغيير كلمة مرور حسابك في ${v.networkName}.`,
      `إذا لم تكن أنت من قام بذلك، أعد تعيينها فورًا من هنا: ${v.resetLink}`,
      '',
      v.networkName,
    ].join('\n'),
  }),
};

export const authMails = {
  verifyEmail: (locale: Locale, v: Vars): MailText => verifyEmail[locale](v),
  resetPassword: (locale: Locale, v: Vars): MailText => resetPassword[locale](v),
  passwordChanged: (locale: Locale, v: ChangedVars): MailText => passwordChanged[locale](v),
};
