// The few words the page frame needs for the library links, kept apart so the first page stays small.
import { addMessages } from '../../i18n/i18n.js';

addMessages('resourcesNav', {
  it: { resources: 'Risorse', staffCollections: 'Raccolte di risorse' },
  en: { resources: 'Resources', staffCollections: 'Resource collections' },
  ar: { resources: 'الموارد', staffCollections: 'مجموعات الموارد' },
});
