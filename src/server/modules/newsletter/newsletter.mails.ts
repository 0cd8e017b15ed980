// Texts of the newsletter's own mails (confirmation, already subscribed) and of the footer of every issue.
export type NlLocale = 'it' | 'en' | 'ar';
export type MailText = { subject: string; text: string };

export const CONFIRM_HOURS = 72;
export const CONFIRM_TTL_MS = CONFIRM_HOURS * 60 * 60 * 1000;

type ConfirmVars = { link: string; networkName: string };
type ManageVars = { link: string; networkName: string };

export const confirmMail: Record<NlLocale, (v: ConfirmVars) => MailText> = {
  it: (v) => ({
    subject: `Conferma l’iscrizione alla newsletter – ${v.networkName}`,
    text: [
      'Ciao,',
      '',
      `abbiamo ricevuto una richiesta di iscrizione di questo indirizzo alla newsletter di ${v.networkName}. Per confermarla apri questo collegamento:`,
      '',
      v.link,
      '',
      `Il collegamento vale ${CONFIRM_HOURS} ore. Se non hai chiesto tu l’iscrizione, ignora questo messaggio: non riceverai nulla.`,
      '',
      v.networkName,
    ].join('\n'),
  }),
  en: (v) => ({
    subject: `Confirm your newsletter subscription – ${v.networkName}`,
    text: [
      'Hello,',
      '',
      `we received a request to subscribe this address to the newsletter of ${v.networkName}. To confirm it, open this link:`,
      '',
      v.link,
      '',
      `The link is valid for ${CONFIRM_HOURS} hours. If you did not ask to subscribe, ignore this message: you will receive nothing.`,
      '',
      v.networkName,
    ].join('\n'),
  }),
  ar: (v) => ({
    subject: `تأكيد الاشتراك في النشرة الإخبارية – ${v.networkName}`,
    text: [
      'مرحبًا،',
      '',
      `تلقّينا طلبًا لاشتراك هذا العنوان في النشرة الإخبارية لـ ${v.networkName}. لتأكيد الاشتراك افتح هذا الرابط:`,
      '',
      v.link,
      '',
      `الرابط صالح لمدة ${CONFIRM_HOURS} ساعة. إذا لم تطلب الاشتراك، تجاهل هذه الرسالة ولن تتلقى أي شيء.`,
      '',
      v.networkName,
    ].join('\n'),
  }),
};

export const alreadySubscribedMail: Record<NlLocale, (v: ManageVars) => MailText> = {
  it: (v) => ({
    subject: `Sei già iscritto/a alla newsletter – ${v.networkName}`,
    text: [
      'Ciao,',
      '',
      `qualcuno ha chiesto di iscrivere questo indirizzo alla newsletter di ${v.networkName}, ma risulta già iscritto. Non è cambiato nulla.`,
      'Se vuoi annullare l’iscrizione apri questo collegamento:',
      '',
      v.link,
      '',
      v.networkName,
    ].join('\n'),
  }),
  en: (v) => ({
    subject: `You are already subscribed to the newsletter – ${v.networkName}`,
    text: [
      'Hello,',
      '',
      `someone asked to subscribe this address to the newsletter of ${v.networkName}, but it is already subscribed. Nothing has changed.`,
      'To unsubscribe, open this link:',
      '',
      v.link,
      '',
      v.networkName,
    ].join('\n'),
  }),
  ar: (v) => ({
    subject: `أنت مشترك بالفعل في النشرة الإخبارية – ${v.networkName}`,
    text: [
      'مرحبًا،',
      '',
      `طلب أحدهم اشتراك هذا العنوان في النشرة الإخبارية لـ ${v.networkName}، لكنه مشترك بالفعل. لم يتغير شيء.`,
      'لإلغاء الاشتراك افتح هذا الرابط:',
      '',
      v.link,
      '',
      v.networkName,
    ].join('\n'),
  }),
};

export const footerTexts: Record<
  NlLocale,
  { footer: (networkName: string) => string; unsubscribe: string; archive: string; test: string }
> = {
  it: {
    footer: (n) => `Ricevi questa newsletter perché sei iscritto/a o fai parte della rete ${n}.`,
    unsubscribe: 'Annulla l’iscrizione',
    archive: 'Archivio della newsletter',
    test: '[PROVA]',
  },
  en: {
    footer: (n) => `You receive this newsletter because you subscribed to it or belong to the ${n} network.`,
    unsubscribe: 'Unsubscribe',
    archive: 'Newsletter archive',
    test: '[TEST]',
  },
  ar: {
    footer: (n) => `تتلقى هذه النشرة لأنك مشترك فيها أو عضو في شبكة ${n}.`,
    unsubscribe: 'إلغاء الاشتراك',
    archive: 'أرشيف النشرة الإخبارية',
    test: '[تجربة]',
  },
};
