// The columns of the member spreadsheet, shared by export and import so an export can be re-imported.
import type { LegalForm, OrganisationKind } from '../../../shared/organisations.js';

/** Canonical column keys (English), with the Italian header the export writes first among the aliases. */
export const MEMBER_COLUMNS = [
  { key: 'name', headers: ['nome', 'name', 'denominazione', 'ragione_sociale'] },
  { key: 'acronym', headers: ['sigla', 'acronym'] },
  { key: 'kind', headers: ['tipo', 'kind', 'tipologia', 'type'] },
  { key: 'legal_form', headers: ['forma_giuridica', 'legal_form'] },
  { key: 'tax_code', headers: ['codice_fiscale', 'tax_code', 'cf', 'partita_iva'] },
  { key: 'runts', headers: ['runts', 'numero_runts', 'runts_number'] },
  { key: 'address', headers: ['indirizzo', 'address'] },
  { key: 'postal_code', headers: ['cap', 'postal_code', 'zip'] },
  { key: 'municipality', headers: ['comune', 'municipality', 'city', 'citta'] },
  { key: 'province', headers: ['provincia', 'province', 'province_code', 'sigla_provincia'] },
  { key: 'website', headers: ['sito', 'website', 'sito_web', 'web'] },
  { key: 'email', headers: ['email', 'e_mail', 'posta_elettronica'] },
  { key: 'phone', headers: ['telefono', 'phone', 'tel'] },
  { key: 'fields', headers: ['ambiti', 'fields', 'ambiti_di_attivita', 'fields_of_activity'] },
  { key: 'languages', headers: ['lingue', 'languages'] },
  { key: 'modules', headers: ['moduli', 'modules'] },
  { key: 'description', headers: ['descrizione', 'description', 'descrizione_it', 'description_it'] },
  { key: 'description_en', headers: ['descrizione_en', 'description_en'] },
  { key: 'description_ar', headers: ['descrizione_ar', 'description_ar'] },
  { key: 'visible', headers: ['visibile', 'visible'] },
  { key: 'joined_at', headers: ['data_adesione', 'joined_at', 'joined_on'] },
] as const;
export type MemberColumnKey = (typeof MEMBER_COLUMNS)[number]['key'];

/** Written by the export for people reading it; the import ignores them. */
export const EXPORT_ONLY_COLUMNS = [
  { key: 'status', header: 'stato' },
  { key: 'region', header: 'regione' },
  { key: 'slug', header: 'slug' },
] as const;

export const KIND_LABELS_IT: Record<OrganisationKind, string> = {
  refugee_led_association: 'Associazione guidata da rifugiati',
  migrant_diaspora_association: 'Associazione di migranti o della diaspora',
  local_association: 'Associazione locale',
  volunteer_service_centre: 'Centro di servizio per il volontariato',
  foundation: 'Fondazione',
  community_foundation: 'Fondazione di comunità',
  cooperative: 'Cooperativa',
  public_body: 'Ente pubblico',
  university_research: 'Università o ente di ricerca',
  company: 'Impresa',
  international_organisation: 'Organizzazione internazionale',
  other: 'Altro',
};

export const LEGAL_FORM_LABELS_IT: Record<LegalForm, string> = {
  aps: 'APS',
  odv: 'ODV',
  other_ets: 'Altro ETS',
  social_cooperative: 'Cooperativa sociale',
  social_enterprise: 'Impresa sociale',
  foundation: 'Fondazione',
  public_entity: 'Ente pubblico',
  company: 'Impresa',
  none: 'Nessuna',
  other: 'Altro',
};

export const STATUS_LABELS_IT: Record<string, string> = { member: 'aderente', suspended: 'sospesa' };

/** Lowercase, accents removed, runs of non-alphanumerics as one underscore: "Forma giuridica" → "forma_giuridica". */
export function normaliseKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}
