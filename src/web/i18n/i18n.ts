// i18next setup: Italian default, English, Arabic (right-to-left). Features add their own namespaces.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { common } from './common.js';

export const LANGUAGES = [
  { code: 'it', label: 'Italiano', dir: 'ltr' },
  { code: 'en', label: 'English', dir: 'ltr' },
  { code: 'ar', label: 'العربية', dir: 'rtl' },
] as const;
export type Language = (typeof LANGUAGES)[number]['code'];

const stored = typeof localStorage !== 'undefined' ? localStorage.getItem('trama.lang') : null;
const initial: Language = stored === 'en' || stored === 'ar' || stored === 'it' ? stored : 'it';

void i18n.use(initReactI18next).init({
  lng: initial,
  fallbackLng: 'it',
  defaultNS: 'common',
  ns: ['common'],
  resources: { it: { common: common.it }, en: { common: common.en }, ar: { common: common.ar } },
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** Register a feature's messages under its own namespace. */
export function addMessages(ns: string, messages: Record<Language, Record<string, unknown>>): void {
  for (const lang of Object.keys(messages) as Language[]) {
    i18n.addResourceBundle(lang, ns, messages[lang], true, true);
  }
}

export const dirOf = (lang: string): 'ltr' | 'rtl' => (lang === 'ar' ? 'rtl' : 'ltr');

export function applyDocumentLanguage(lang: string): void {
  document.documentElement.lang = lang;
  document.documentElement.dir = dirOf(lang);
}

export { i18n };
