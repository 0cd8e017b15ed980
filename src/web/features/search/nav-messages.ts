// The few words the header search needs, kept apart so the first page stays small.
import { addMessages } from '../../i18n/i18n.js';

addMessages('searchNav', {
  it: { label: 'Cerca in Trama', field: 'Parole da cercare in Trama', placeholder: 'Cerca…', submit: 'Vai' },
  en: { label: 'Search Trama', field: 'Words to search in Trama', placeholder: 'Search…', submit: 'Go' },
  ar: { label: 'البحث في Trama', field: 'كلمات للبحث في Trama', placeholder: 'ابحث…', submit: 'انتقل' },
});
