// The language a newsletter is read in.
import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NEWSLETTER_LOCALES, type NewsletterLocale } from '../../../../shared/newsletter.js';
import { NEWSLETTER_NS } from '../messages.js';

export function NewsletterLocaleSelect({
  value,
  onChange,
  label,
}: {
  value: NewsletterLocale;
  onChange: (v: NewsletterLocale) => void;
  label?: string;
}) {
  const { t } = useTranslation(NEWSLETTER_NS);
  return (
    <NativeSelect
      label={label ?? t('subscribe.locale')}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value as NewsletterLocale)}
      data={NEWSLETTER_LOCALES.map((l) => ({ value: l, label: t(`locales.${l}`) }))}
    />
  );
}

export const asNewsletterLocale = (l: string): NewsletterLocale =>
  (NEWSLETTER_LOCALES as readonly string[]).includes(l) ? (l as NewsletterLocale) : 'it';
