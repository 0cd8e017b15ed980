// Dates and numbers in the interface language, so Arabic readers get Arabic digits and order.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

export function useFormat() {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  return useMemo(() => {
    const date = new Intl.DateTimeFormat(lang, { dateStyle: 'medium' });
    const dateTime = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
    // A bare calendar day (YYYY-MM-DD) is formatted in UTC so it never shifts by a time zone.
    const day = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' });
    const num = new Intl.NumberFormat(lang);
    return {
      lang,
      date: (iso: string | null | undefined) => (iso ? date.format(new Date(iso)) : '—'),
      dateTime: (iso: string | null | undefined) => (iso ? dateTime.format(new Date(iso)) : '—'),
      day: (isoDay: string) => day.format(new Date(`${isoDay.slice(0, 10)}T00:00:00Z`)),
      number: (n: number) => num.format(n),
    };
  }, [lang]);
}
