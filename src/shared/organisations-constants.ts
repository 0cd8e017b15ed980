// The organisation module's constant lists, without zod: pages that only show or filter organisations
// import these and so do not pull zod into their chunk (src/shared/organisations.ts builds the schemas).

export const ORGANISATION_KINDS = [
  'refugee_led_association',
  'migrant_diaspora_association',
  'local_association',
  'volunteer_service_centre',
  'foundation',
  'community_foundation',
  'cooperative',
  'public_body',
  'university_research',
  'company',
  'international_organisation',
  'other',
] as const;

export const LEGAL_FORMS = [
  'aps',
  'odv',
  'other_ets',
  'social_cooperative',
  'social_enterprise',
  'foundation',
  'public_entity',
  'company',
  'none',
  'other',
] as const;

export const MEMBERSHIP_MODULES = [
  'training_package',
  'toolkit_advocacy_kit',
  'guided_accompaniment',
  'supervision',
  'exchange_events',
  'directory_visibility',
] as const;

export const ORGANISATION_STATUSES = ['applicant', 'member', 'rejected', 'suspended', 'departed'] as const;

export const APPLICATION_STATUSES = ['submitted', 'changes_requested', 'approved', 'rejected'] as const;

/** Languages an organisation can say it speaks (ISO 639-1). */
export const LANGUAGES = [
  'it',
  'en',
  'ar',
  'fr',
  'es',
  'de',
  'pt',
  'ru',
  'uk',
  'zh',
  'ro',
  'sq',
  'bn',
  'ur',
  'pa',
  'hi',
  'ti',
  'am',
  'so',
  'wo',
  'ff',
  'ps',
  'fa',
  'tr',
  'tl',
  'ku',
  'ha',
  'yo',
  'ig',
  'sw',
  'ln',
  'sr',
  'pl',
  'ta',
  'si',
  'ne',
  'ka',
  'hy',
] as const;

export const DIRECTORY_SORTS = ['relevance', 'name', 'newest'] as const;

export const FACET_NAMES = [
  'region',
  'province',
  'kind',
  'legalForm',
  'field',
  'programme',
  'language',
  'module',
] as const;

export type FacetName = (typeof FACET_NAMES)[number];
