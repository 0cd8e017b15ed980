// The few words the page frame needs for the events links, kept apart so the first page stays small.
import { addMessages } from '../../i18n/i18n.js';

addMessages('eventsNav', {
  it: { events: 'Eventi', staffEvents: 'Eventi', myEvents: 'I miei eventi' },
  en: { events: 'Events', staffEvents: 'Events', myEvents: 'My events' },
  ar: { events: 'الفعاليات', staffEvents: 'الفعاليات', myEvents: 'فعالياتي' },
});
