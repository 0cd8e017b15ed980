// The notification mail (immediate or daily digest) in the recipient's language (it, en, ar): subject, plain
// text and a small HTML page, right-to-left in Arabic.
import type { Locale } from '../auth/auth.table.js';

export type MailItem = { title: string; body: string; url: string | null; createdAt: Date };

export type NotificationMailInput = {
  locale: string;
  mode: 'immediate' | 'daily';
  name: string;
  networkName: string;
  items: readonly MailItem[];
  /** Notifications also sent by this mail but not listed in it (the list stops at a few dozen). */
  more: number;
  settingsUrl: string;
  unsubscribeUrl: string;
};

export type RenderedMail = { locale: Locale; subject: string; text: string; html: string };

const lang = (l: string): Locale => (l === 'en' || l === 'ar' ? l : 'it');
const TAG: Record<Locale, string> = { it: 'it-IT', en: 'en-GB', ar: 'ar' };

/** "3 new notifications" with each language's plural forms (Arabic has six). */
function countPhrase(l: Locale, n: number): string {
  if (l === 'it') return n === 1 ? '1 nuova notifica' : `${n} nuove notifiche`;
  if (l === 'en') return n === 1 ? '1 new notification' : `${n} new notifications`;
  const nf = new Intl.NumberFormat('ar');
  switch (new Intl.PluralRules('ar').select(n)) {
    case 'one':
      return 'إشعار جديد واحد';
    case 'two':
      return 'إشعاران جديدان';
    case 'few':
      return `${nf.format(n)} إشعارات جديدة`;
    case 'many':
      return `${nf.format(n)} إشعارًا جديدًا`;
    default:
      return `${nf.format(n)} إشعار جديد`;
  }
}

const TEXTS = {
  it: {
    subjectDaily: (net: string) => `Il riepilogo delle sue notifiche – ${net}`,
    greet: (name: string) => `Gentile ${name},`,
    introImmediate: 'ecco le novità nella rete che non ha ancora letto:',
    introDaily: 'ecco il riepilogo delle notifiche che non ha ancora letto:',
    more: (n: number) =>
      n === 1 ? '…e un’altra nella pagina delle notifiche.' : `…e altre ${n} nella pagina delle notifiche.`,
    open: 'Apri',
    settings: 'Scegliere come ricevere le notifiche per email',
    unsubscribe: 'Non ricevere più notifiche per email',
    why: (net: string) => `Riceve questa email perché ha un account su ${net}.`,
    sign: (net: string) => `Lo staff di ${net}`,
  },
  en: {
    subjectDaily: (net: string) => `Your notification digest – ${net}`,
    greet: (name: string) => `Dear ${name},`,
    introImmediate: 'here is what happened in the network that you have not read yet:',
    introDaily: 'here is the digest of the notifications you have not read yet:',
    more: (n: number) =>
      n === 1 ? '…and one more on the notifications page.' : `…and ${n} more on the notifications page.`,
    open: 'Open',
    settings: 'Choose how you receive notifications by email',
    unsubscribe: 'Stop notification emails',
    why: (net: string) => `You receive this email because you have an account on ${net}.`,
    sign: (net: string) => `The ${net} team`,
  },
  ar: {
    subjectDaily: (net: string) => `ملخص إشعاراتك – ${net}`,
    greet: (name: string) => `${name} المحترم/ة،`,
    introImmediate: 'إليك ما جرى في الشبكة ولم تقرأه بعد:',
    introDaily: 'إليك ملخص الإشعارات التي لم تقرأها بعد:',
    more: (n: number) =>
      n === 1
        ? '…وإشعار آخر في صفحة الإشعارات.'
        : `…و${new Intl.NumberFormat('ar').format(n)} غيرها في صفحة الإشعارات.`,
    open: 'فتح',
    settings: 'اختيار طريقة تلقي الإشعارات بالبريد الإلكتروني',
    unsubscribe: 'إيقاف رسائل الإشعارات بالبريد الإلكتروني',
    why: (net: string) => `تتلقى هذه الرسالة لأن لديك حسابًا على ${net}.`,
    sign: (net: string) => `فريق ${net}`,
  },
} satisfies Record<Locale, unknown>;

export function escapeHtml(s: string): string {
  return s
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

export function renderNotificationMail(m: NotificationMailInput): RenderedMail {
  const l = lang(m.locale);
  const t = TEXTS[l];
  const total = m.items.length + m.more;
  const first = m.items[0];
  const subject =
    m.mode === 'daily'
      ? t.subjectDaily(m.networkName)
      : total === 1 && first
        ? `${first.title} – ${m.networkName}`
        : `${countPhrase(l, total)} – ${m.networkName}`;
  const when = new Intl.DateTimeFormat(TAG[l], {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Rome',
  });
  const intro = m.mode === 'daily' ? t.introDaily : t.introImmediate;

  const text = [
    t.greet(m.name),
    '',
    intro,
    '',
    ...m.items.flatMap((i) => [
      `• ${i.title}`,
      ...(i.body ? [`  ${i.body.replaceAll('\n', '\n  ')}`] : []),
      ...(m.mode === 'daily' ? [`  ${when.format(i.createdAt)}`] : []),
      ...(i.url ? [`  ${i.url}`] : []),
      '',
    ]),
    ...(m.more > 0 ? [t.more(m.more), ''] : []),
    t.sign(m.networkName),
    '',
    '--',
    t.why(m.networkName),
    `${t.settings}: ${m.settingsUrl}`,
    `${t.unsubscribe}: ${m.unsubscribeUrl}`,
  ].join('\n');

  const dir = l === 'ar' ? 'rtl' : 'ltr';
  const e = escapeHtml;
  const items = m.items
    .map(
      (i) => `<li style="margin:0 0 16px">
<p style="margin:0;font-weight:bold">${e(i.title)}</p>
${i.body ? `<p style="margin:4px 0 0;white-space:pre-line">${e(i.body)}</p>` : ''}
${m.mode === 'daily' ? `<p style="margin:4px 0 0;font-size:13px;color:#555">${e(when.format(i.createdAt))}</p>` : ''}
${i.url ? `<p style="margin:4px 0 0"><a href="${e(i.url)}">${e(t.open)}</a></p>` : ''}
</li>`,
    )
    .join('\n');
  const html = `<!doctype html>
<html lang="${l}" dir="${dir}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${e(subject)}</title></head>
<body style="margin:0;padding:0;background:#f4f4f5;font-family:Arial,Helvetica,sans-serif;color:#1f2328">
<div style="max-width:640px;margin:0 auto;padding:24px 16px;background:#ffffff;line-height:1.5">
<p style="margin:0 0 16px;color:#555;font-size:14px">${e(m.networkName)}</p>
<h1 style="font-size:22px;margin:0 0 16px">${e(subject)}</h1>
<p>${e(t.greet(m.name))}<br>${e(intro)}</p>
<ul style="padding-inline-start:20px;margin:16px 0">
${items}
</ul>
${m.more > 0 ? `<p>${e(t.more(m.more))}</p>` : ''}
<p>${e(t.sign(m.networkName))}</p>
<hr style="border:none;border-top:1px solid #ddd;margin:24px 0 12px">
<p style="font-size:13px;color:#555">${e(t.why(m.networkName))}<br>
<a href="${e(m.settingsUrl)}">${e(t.settings)}</a> · <a href="${e(m.unsubscribeUrl)}">${e(t.unsubscribe)}</a></p>
</div>
</body>
</html>`;
  return { locale: l, subject, text, html };
}
