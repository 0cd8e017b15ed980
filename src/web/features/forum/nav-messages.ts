// The one word the page frame needs for the forum link, kept apart so the first page stays small.
import { addMessages } from '../../i18n/i18n.js';

addMessages('forumNav', {
  it: { forum: 'Forum' },
  en: { forum: 'Forum' },
  ar: { forum: 'المنتدى' },
});
