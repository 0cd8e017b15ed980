// Names of kinds of body, legal forms, membership modules and organisation statuses in the reader's language:
// the one copy every feature shows them from.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  LegalForm,
  MembershipModule,
  OrganisationKind,
  OrganisationStatus,
} from '../../shared/organisations.js';
import { addMessages } from './i18n.js';

export const ORG_LABELS_NS = 'orgLabels';

addMessages(ORG_LABELS_NS, {
  it: {
    kinds: {
      refugee_led_association: 'Associazione guidata da rifugiati',
      migrant_diaspora_association: 'Associazione di migranti o della diaspora',
      local_association: 'Associazione del territorio',
      volunteer_service_centre: 'Centro di servizio per il volontariato',
      foundation: 'Fondazione',
      community_foundation: 'Fondazione di comunità',
      cooperative: 'Cooperativa',
      public_body: 'Ente pubblico',
      university_research: 'Università o ente di ricerca',
      company: 'Impresa',
      international_organisation: 'Organizzazione internazionale',
      other: 'Altro',
    },
    legalForms: {
      aps: 'APS – Associazione di promozione sociale',
      odv: 'ODV – Organizzazione di volontariato',
      other_ets: 'Altro ente del Terzo settore',
      social_cooperative: 'Cooperativa sociale',
      social_enterprise: 'Impresa sociale',
      foundation: 'Fondazione',
      public_entity: 'Ente pubblico',
      company: 'Società',
      none: 'Nessuna (gruppo informale)',
      other: 'Altro',
    },
    modules: {
      training_package: 'Pacchetto formativo',
      toolkit_advocacy_kit: 'Toolkit e kit di advocacy',
      guided_accompaniment: 'Accompagnamento guidato',
      supervision: 'Supervisione',
      exchange_events: 'Eventi di scambio',
      directory_visibility: 'Visibilità nell’elenco dei partecipanti',
    },
    statuses: {
      applicant: 'Domanda in corso',
      member: 'Membro',
      rejected: 'Domanda respinta',
      suspended: 'Sospesa',
      departed: 'Uscita dalla rete',
    },
    logoOf: 'Logo di {{name}}',
  },
  en: {
    kinds: {
      refugee_led_association: 'Refugee-led association',
      migrant_diaspora_association: 'Migrant or diaspora association',
      local_association: 'Local association',
      volunteer_service_centre: 'Volunteer service centre',
      foundation: 'Foundation',
      community_foundation: 'Community foundation',
      cooperative: 'Cooperative',
      public_body: 'Public body',
      university_research: 'University or research body',
      company: 'Company',
      international_organisation: 'International organisation',
      other: 'Other',
    },
    legalForms: {
      aps: 'APS – Social promotion association',
      odv: 'ODV – Voluntary organisation',
      other_ets: 'Other third-sector body',
      social_cooperative: 'Social cooperative',
      social_enterprise: 'Social enterprise',
      foundation: 'Foundation',
      public_entity: 'Public entity',
      company: 'Company',
      none: 'None (informal group)',
      other: 'Other',
    },
    modules: {
      training_package: 'Training package',
      toolkit_advocacy_kit: 'Toolkit and advocacy kit',
      guided_accompaniment: 'Guided accompaniment',
      supervision: 'Supervision',
      exchange_events: 'Exchange events',
      directory_visibility: 'Visibility in the member directory',
    },
    statuses: {
      applicant: 'Application in progress',
      member: 'Member',
      rejected: 'Application rejected',
      suspended: 'Suspended',
      departed: 'Left the network',
    },
    logoOf: 'Logo of {{name}}',
  },
  ar: {
    kinds: {
      refugee_led_association: 'جمعية يقودها لاجئون',
      migrant_diaspora_association: 'جمعية مهاجرين أو جالية',
      local_association: 'جمعية محلية',
      volunteer_service_centre: 'مركز خدمات التطوع',
      foundation: 'مؤسسة',
      community_foundation: 'مؤسسة مجتمعية',
      cooperative: 'تعاونية',
      public_body: 'جهة عامة',
      university_research: 'جامعة أو مركز أبحاث',
      company: 'شركة',
      international_organisation: 'منظمة دولية',
      other: 'أخرى',
    },
    legalForms: {
      aps: 'APS – جمعية للنهوض الاجتماعي',
      odv: 'ODV – منظمة تطوعية',
      other_ets: 'جهة أخرى من القطاع الثالث',
      social_cooperative: 'تعاونية اجتماعية',
      social_enterprise: 'مؤسسة اجتماعية',
      foundation: 'مؤسسة',
      public_entity: 'جهة عامة',
      company: 'شركة',
      none: 'لا شيء (مجموعة غير رسمية)',
      other: 'أخرى',
    },
    modules: {
      training_package: 'الحزمة التدريبية',
      toolkit_advocacy_kit: 'مجموعة الأدوات وحقيبة المناصرة',
      guided_accompaniment: 'المرافقة الموجَّهة',
      supervision: 'الإشراف',
      exchange_events: 'فعاليات تبادل الخبرات',
      directory_visibility: 'الظهور في دليل الأعضاء',
    },
    statuses: {
      applicant: 'الطلب قيد الدراسة',
      member: 'عضو',
      rejected: 'الطلب مرفوض',
      suspended: 'معلّقة',
      departed: 'غادرت الشبكة',
    },
    logoOf: 'شعار {{name}}',
  },
});

/** Label functions bound to the current language (also ISO 639-1 language names via Intl.DisplayNames). */
export function useOrgLabels() {
  const { t, i18n } = useTranslation(ORG_LABELS_NS);
  const lang = i18n.language;
  return useMemo(() => {
    const names = new Intl.DisplayNames([lang], { type: 'language' });
    return {
      kind: (k: OrganisationKind | string) => t(`kinds.${k}`, { defaultValue: k }),
      legalForm: (f: LegalForm | string) => t(`legalForms.${f}`, { defaultValue: f }),
      module: (m: MembershipModule | string) => t(`modules.${m}`, { defaultValue: m }),
      status: (s: OrganisationStatus | string) => t(`statuses.${s}`, { defaultValue: s }),
      language: (code: string) => {
        try {
          return names.of(code) ?? code;
        } catch {
          return code;
        }
      },
      logoOf: (name: string) => t('logoOf', { name }),
    };
  }, [t, lang]);
}
