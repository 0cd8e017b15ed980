// The seeded list of fields of activity; staff can rename, add and reorder them afterwards.
export const DEFAULT_FIELDS: ReadonlyArray<{ slug: string; names: Record<'it' | 'en' | 'ar', string> }> = [
  { slug: 'reception', names: { it: 'Accoglienza', en: 'Reception', ar: 'الاستقبال' } },
  { slug: 'legal_aid', names: { it: 'Assistenza legale', en: 'Legal aid', ar: 'المساعدة القانونية' } },
  { slug: 'housing', names: { it: 'Abitare', en: 'Housing', ar: 'السكن' } },
  { slug: 'work', names: { it: 'Lavoro', en: 'Work', ar: 'العمل' } },
  {
    slug: 'language_learning',
    names: { it: 'Apprendimento della lingua', en: 'Language learning', ar: 'تعلم اللغة' },
  },
  { slug: 'health', names: { it: 'Salute', en: 'Health', ar: 'الصحة' } },
  { slug: 'education', names: { it: 'Istruzione', en: 'Education', ar: 'التعليم' } },
  { slug: 'culture', names: { it: 'Cultura', en: 'Culture', ar: 'الثقافة' } },
  { slug: 'advocacy', names: { it: 'Advocacy', en: 'Advocacy', ar: 'المناصرة' } },
  {
    slug: 'community_matching',
    names: { it: 'Community matching', en: 'Community matching', ar: 'المطابقة المجتمعية' },
  },
  {
    slug: 'psychosocial_support',
    names: { it: 'Supporto psicosociale', en: 'Psychosocial support', ar: 'الدعم النفسي والاجتماعي' },
  },
  {
    slug: 'gender_equality',
    names: { it: 'Parità di genere', en: 'Gender equality', ar: 'المساواة بين الجنسين' },
  },
  { slug: 'youth', names: { it: 'Giovani e minori', en: 'Youth and minors', ar: 'الشباب والقاصرون' } },
  { slug: 'sport', names: { it: 'Sport', en: 'Sport', ar: 'الرياضة' } },
  { slug: 'research', names: { it: 'Ricerca', en: 'Research', ar: 'البحث' } },
];
