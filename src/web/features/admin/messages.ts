// Messages of the staff outgoing-mail page (namespace "mail").
import { addMessages } from '../../i18n/i18n.js';

const it = {
  title: 'Posta in uscita',
  intro:
    'Tutte le email inviate dalla piattaforma. Se non è configurato un server SMTP, le email restano qui e lo staff può leggerle.',
  filter: 'Filtra per destinatario',
  filterHelp: 'Indirizzo email completo del destinatario',
  caption: 'Email in uscita, dalla più recente',
  to: 'Destinatario',
  subject: 'Oggetto',
  status: 'Stato',
  attempts: 'Tentativi',
  date: 'Data',
  open: 'Leggi l’email «{{subject}}» per {{to}}',
  statuses: { pending: 'In coda', sent: 'Inviata', failed: 'Non riuscita' },
  empty: 'Nessuna email.',
  sentAt: 'Inviata il {{date}}',
  createdAt: 'Creata il {{date}}',
  lastError: 'Ultimo errore',
  template: 'Modello',
  language: 'Lingua',
  attemptsCount: 'Tentativi: {{n}}',
};
type Messages = typeof it;

const en: Messages = {
  title: 'Outgoing mail',
  intro:
    'Every email the platform sends. When no SMTP server is configured, emails stay here and staff can read them.',
  filter: 'Filter by recipient',
  filterHelp: 'The recipient’s full email address',
  caption: 'Outgoing emails, newest first',
  to: 'Recipient',
  subject: 'Subject',
  status: 'Status',
  attempts: 'Attempts',
  date: 'Date',
  open: 'Read the email “{{subject}}” to {{to}}',
  statuses: { pending: 'Queued', sent: 'Sent', failed: 'Failed' },
  empty: 'No emails.',
  sentAt: 'Sent on {{date}}',
  createdAt: 'Created on {{date}}',
  lastError: 'Last error',
  template: 'Template',
  language: 'Language',
  attemptsCount: 'Attempts: {{n}}',
};

const ar: Messages = {
  title: 'البريد الصادر',
  intro: 'كل الرسائل التي ترسلها المنصة. إذا لم يُضبط خادم SMTP تبقى الرسائل هنا ويستطيع فريق العمل قراءتها.',
  filter: 'التصفية حسب المستلم',
  filterHelp: 'عنوان البريد الإلكتروني الكامل للمستلم',
  caption: 'الرسائل الصادرة، الأحدث أولاً',
  to: 'المستلم',
  subject: 'الموضوع',
  status: 'الحالة',
  attempts: 'المحاولات',
  date: 'التاريخ',
  open: 'اقرأ رسالة «{{subject}}» إلى {{to}}',
  statuses: { pending: 'في قائمة الانتظار', sent: 'أُرسلت', failed: 'فشل الإرسال' },
  empty: 'لا توجد رسائل.',
  sentAt: 'أُرسلت في {{date}}',
  createdAt: 'أُنشئت في {{date}}',
  lastError: 'آخر خطأ',
  template: 'القالب',
  language: 'اللغة',
  attemptsCount: 'المحاولات: {{n}}',
};

addMessages('mail', { it, en, ar });
