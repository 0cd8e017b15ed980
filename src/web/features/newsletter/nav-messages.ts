// Labels of the newsletter links in the page frame: kept apart so the frame does not load every newsletter text.
import { addMessages } from '../../i18n/i18n.js';

export const NEWSLETTER_NAV_NS = 'newsletterNav';

addMessages(NEWSLETTER_NAV_NS, {
  it: { newsletter: 'Newsletter', staffNewsletter: 'Newsletter' },
  en: { newsletter: 'Newsletter', staffNewsletter: 'Newsletter' },
  ar: { newsletter: 'النشرة الإخبارية', staffNewsletter: 'النشرة الإخبارية' },
});
