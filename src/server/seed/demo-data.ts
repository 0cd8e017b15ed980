// The fictional demo network: organisations, people and programmes. Names are invented; places are real.
export type DemoKind =
  | 'refugee_led_association'
  | 'migrant_diaspora_association'
  | 'local_association'
  | 'volunteer_service_centre'
  | 'foundation'
  | 'community_foundation'
  | 'cooperative'
  | 'public_body'
  | 'university_research'
  | 'company'
  | 'international_organisation'
  | 'other';

export type DemoLegalForm =
  | 'aps'
  | 'odv'
  | 'other_ets'
  | 'social_cooperative'
  | 'social_enterprise'
  | 'foundation'
  | 'public_entity'
  | 'company'
  | 'none'
  | 'other';

export type Community =
  | 'italian'
  | 'afghan'
  | 'syrian'
  | 'eritrean'
  | 'sahel'
  | 'senegalese'
  | 'nigerian'
  | 'ukrainian'
  | 'filipino'
  | 'bangladeshi'
  | 'moroccan'
  | 'albanian'
  | 'peruvian'
  | 'somali'
  | 'sudanese'
  | 'chinese'
  | 'mixed';

/** What happens to the organisation in the demo: most are visible members. */
export type DemoFate =
  | 'member'
  | 'hidden'
  | 'suspended'
  | 'departed'
  | 'submitted'
  | 'changes_requested'
  | 'rejected';

export type DemoOrg = {
  name: string;
  acronym?: string;
  kind: DemoKind;
  legalForm: DemoLegalForm;
  city: string;
  community: Community;
  fields: string[];
  fate?: DemoFate;
  /** Hand-written descriptions; the others are composed from the fields of activity. */
  description?: { it: string; en?: string; ar?: string };
};

export const CITIES: Record<string, { province: string; cap: string; prefix: string }> = {
  Torino: { province: 'TO', cap: '10152', prefix: '011' },
  Ivrea: { province: 'TO', cap: '10015', prefix: '0125' },
  Milano: { province: 'MI', cap: '20124', prefix: '02' },
  Bergamo: { province: 'BG', cap: '24121', prefix: '035' },
  Brescia: { province: 'BS', cap: '25122', prefix: '030' },
  Trento: { province: 'TN', cap: '38122', prefix: '0461' },
  Bolzano: { province: 'BZ', cap: '39100', prefix: '0471' },
  Padova: { province: 'PD', cap: '35121', prefix: '049' },
  Venezia: { province: 'VE', cap: '30171', prefix: '041' },
  Verona: { province: 'VR', cap: '37122', prefix: '045' },
  Trieste: { province: 'TS', cap: '34121', prefix: '040' },
  Genova: { province: 'GE', cap: '16123', prefix: '010' },
  Bologna: { province: 'BO', cap: '40126', prefix: '051' },
  Modena: { province: 'MO', cap: '41121', prefix: '059' },
  "Reggio nell'Emilia": { province: 'RE', cap: '42121', prefix: '0522' },
  Lugo: { province: 'RA', cap: '48022', prefix: '0545' },
  Firenze: { province: 'FI', cap: '50122', prefix: '055' },
  Prato: { province: 'PO', cap: '59100', prefix: '0574' },
  Perugia: { province: 'PG', cap: '06121', prefix: '075' },
  Ancona: { province: 'AN', cap: '60121', prefix: '071' },
  Roma: { province: 'RM', cap: '00185', prefix: '06' },
  Pescara: { province: 'PE', cap: '65122', prefix: '085' },
  Campobasso: { province: 'CB', cap: '86100', prefix: '0874' },
  Napoli: { province: 'NA', cap: '80138', prefix: '081' },
  'Castel Volturno': { province: 'CE', cap: '81030', prefix: '0823' },
  Salerno: { province: 'SA', cap: '84121', prefix: '089' },
  Bari: { province: 'BA', cap: '70122', prefix: '080' },
  Lecce: { province: 'LE', cap: '73100', prefix: '0832' },
  Potenza: { province: 'PZ', cap: '85100', prefix: '0971' },
  Matera: { province: 'MT', cap: '75100', prefix: '0835' },
  Cosenza: { province: 'CS', cap: '87100', prefix: '0984' },
  'Reggio Calabria': { province: 'RC', cap: '89127', prefix: '0965' },
  Palermo: { province: 'PA', cap: '90133', prefix: '091' },
  Catania: { province: 'CT', cap: '95124', prefix: '095' },
  Trapani: { province: 'TP', cap: '91100', prefix: '0923' },
  Cagliari: { province: 'CA', cap: '09124', prefix: '070' },
  Sassari: { province: 'SS', cap: '07100', prefix: '079' },
};

export const STREETS = [
  'Via Giuseppe Garibaldi',
  'Via Roma',
  'Corso Vittorio Emanuele II',
  'Via Giuseppe Mazzini',
  'Via Cavour',
  'Piazza della Repubblica',
  'Via Dante Alighieri',
  'Via XX Settembre',
  'Via Antonio Gramsci',
  'Via San Francesco',
  'Via dei Mille',
  'Viale della Libertà',
  'Via Nazionale',
  'Via Santa Chiara',
  'Largo dei Tessitori',
  'Via del Porto',
];

export const COMMUNITY_LANGUAGES: Record<Community, string[]> = {
  italian: [],
  afghan: ['fa', 'ps', 'en'],
  syrian: ['ar', 'en'],
  eritrean: ['ti', 'am', 'ar'],
  sahel: ['fr', 'ff', 'wo'],
  senegalese: ['wo', 'fr'],
  nigerian: ['en'],
  ukrainian: ['uk', 'ru'],
  filipino: ['tl', 'en'],
  bangladeshi: ['bn', 'en'],
  moroccan: ['ar', 'fr'],
  albanian: ['sq'],
  peruvian: ['es'],
  somali: ['so', 'ar', 'en'],
  sudanese: ['ar', 'en'],
  chinese: ['zh', 'en'],
  mixed: ['en', 'fr', 'ar'],
};

/** Where the people of a community come from, as an Italian and an English phrase. */
export const ORIGIN: Record<Community, { it: string; en: string }> = {
  italian: { it: 'italiane', en: 'Italian' },
  afghan: { it: 'afghane', en: 'Afghan' },
  syrian: { it: 'siriane', en: 'Syrian' },
  eritrean: { it: 'eritree ed etiopi', en: 'Eritrean and Ethiopian' },
  sahel: { it: 'arrivate da Mali, Niger e Burkina Faso', en: 'from Mali, Niger and Burkina Faso' },
  senegalese: { it: 'senegalesi', en: 'Senegalese' },
  nigerian: { it: 'nigeriane', en: 'Nigerian' },
  ukrainian: { it: 'ucraine', en: 'Ukrainian' },
  filipino: { it: 'filippine', en: 'Filipino' },
  bangladeshi: { it: 'bengalesi', en: 'Bangladeshi' },
  moroccan: { it: 'marocchine', en: 'Moroccan' },
  albanian: { it: 'albanesi', en: 'Albanian' },
  peruvian: { it: 'peruviane', en: 'Peruvian' },
  somali: { it: 'somale', en: 'Somali' },
  sudanese: { it: 'sudanesi e ciadiane', en: 'Sudanese and Chadian' },
  chinese: { it: 'cinesi', en: 'Chinese' },
  mixed: { it: 'di molti paesi', en: 'from many countries' },
};

export const PEOPLE: Record<Community, { first: string[]; last: string[]; locale: 'it' | 'en' | 'ar' }> = {
  italian: {
    first: [
      'Giulia',
      'Marco',
      'Francesca',
      'Luca',
      'Chiara',
      'Alessandro',
      'Sara',
      'Davide',
      'Elena',
      'Matteo',
      'Silvia',
      'Andrea',
      'Valentina',
      'Paolo',
      'Federica',
      'Stefano',
      'Martina',
      'Lorenzo',
      'Anna',
      'Giovanni',
      'Roberta',
      'Simone',
      'Ilaria',
      'Nicola',
    ],
    last: [
      'Rossi',
      'Bianchi',
      'Esposito',
      'Colombo',
      'Ricci',
      'Marino',
      'Greco',
      'Bruno',
      'Gallo',
      'Conti',
      'De Luca',
      'Mancini',
      'Costa',
      'Giordano',
      'Rizzo',
      'Lombardi',
      'Moretti',
      'Barbieri',
      'Fontana',
      'Santoro',
      'Mariani',
      'Caruso',
      'Ferrara',
      'Galli',
      'Martini',
      'Leone',
      'Longo',
      'Gentile',
      'Martinelli',
      'Serra',
      'Pellegrino',
      "D'Amico",
    ],
    locale: 'it',
  },
  afghan: {
    first: ['Ahmad', 'Zahra', 'Farid', 'Mariam', 'Hamid', 'Shabnam'],
    last: ['Rahimi', 'Hosseini', 'Noori', 'Karimi', 'Sultani'],
    locale: 'en',
  },
  syrian: {
    first: ['Omar', 'Rania', 'Yusuf', 'Lina', 'Khaled', 'Nour'],
    last: ['Al-Khatib', 'Haddad', 'Darwish', 'Sabbagh', 'Mansour'],
    locale: 'ar',
  },
  eritrean: {
    first: ['Senait', 'Yonas', 'Ruta', 'Dawit', 'Helen', 'Mehari'],
    last: ['Tesfaye', 'Gebremedhin', 'Haile', 'Ghebreyesus', 'Berhane'],
    locale: 'en',
  },
  sahel: {
    first: ['Moussa', 'Aminata', 'Ibrahim', 'Mariam', 'Oumar', 'Kadiatou'],
    last: ['Diarra', 'Traoré', 'Keita', 'Ouédraogo', 'Coulibaly'],
    locale: 'it',
  },
  senegalese: {
    first: ['Mamadou', 'Fatou', 'Cheikh', 'Awa', 'Ousmane', 'Khady'],
    last: ['Diop', 'Ndiaye', 'Fall', 'Sow', 'Gueye'],
    locale: 'it',
  },
  nigerian: {
    first: ['Blessing', 'Chinedu', 'Precious', 'Emeka', 'Joy', 'Osagie'],
    last: ['Okafor', 'Eze', 'Okonkwo', 'Adeyemi', 'Igbinosa'],
    locale: 'en',
  },
  ukrainian: {
    first: ['Olena', 'Andriy', 'Iryna', 'Oksana', 'Dmytro', 'Natalia'],
    last: ['Kovalenko', 'Shevchuk', 'Bondarenko', 'Melnyk', 'Tkachenko'],
    locale: 'en',
  },
  filipino: {
    first: ['Maria', 'Jose', 'Analyn', 'Ricardo', 'Marites', 'Jonathan'],
    last: ['Santos', 'Reyes', 'Dela Cruz', 'Bautista', 'Villanueva'],
    locale: 'en',
  },
  bangladeshi: {
    first: ['Rahim', 'Nasrin', 'Kamal', 'Sharmin', 'Abdul', 'Taslima'],
    last: ['Uddin', 'Akter', 'Hossain', 'Rahman', 'Islam'],
    locale: 'en',
  },
  moroccan: {
    first: ['Karima', 'Youssef', 'Hanane', 'Rachid', 'Samira', 'Mohamed'],
    last: ['Benali', 'El Amrani', 'Bouzid', 'Chakir', 'Idrissi'],
    locale: 'ar',
  },
  albanian: {
    first: ['Elira', 'Arben', 'Blerina', 'Gentian', 'Anila', 'Ermal'],
    last: ['Hoxha', 'Shehu', 'Krasniqi', 'Gashi', 'Dervishi'],
    locale: 'it',
  },
  peruvian: {
    first: ['Rosa', 'Luis', 'Carmen', 'Jorge', 'Milagros', 'César'],
    last: ['Quispe', 'Huamán', 'Flores', 'Mamani', 'Rojas'],
    locale: 'it',
  },
  somali: {
    first: ['Hodan', 'Abdi', 'Faduma', 'Mahad', 'Sahra', 'Liban'],
    last: ['Farah', 'Warsame', 'Abdullahi', 'Hassan', 'Jama'],
    locale: 'en',
  },
  sudanese: {
    first: ['Adam', 'Amna', 'Mohamed', 'Hawa', 'Ismail', 'Zainab'],
    last: ['Abakar', 'Osman', 'Idris', 'Suleiman', 'Yahya'],
    locale: 'ar',
  },
  chinese: {
    first: ['Wei', 'Mei', 'Jun', 'Xiaoli', 'Hao', 'Yan'],
    last: ['Chen', 'Wang', 'Zhou', 'Lin', 'Hu'],
    locale: 'en',
  },
  mixed: {
    first: ['Amina', 'Samuel', 'Leila', 'Kofi', 'Yasmin', 'Daniel'],
    last: ['Mensah', 'Haddad', 'Okoro', 'Benali', 'Tesfay'],
    locale: 'en',
  },
};

/** What each field of activity looks like in a sentence. */
export const FIELD_PHRASES: Record<string, { it: string; en: string }> = {
  reception: { it: 'accoglienza e primo orientamento', en: 'reception and first orientation' },
  legal_aid: {
    it: 'consulenza legale su permessi di soggiorno e protezione internazionale',
    en: 'legal advice on residence permits and international protection',
  },
  housing: {
    it: "ricerca della casa e accompagnamento all'autonomia abitativa",
    en: 'finding a home and support towards independent living',
  },
  work: { it: 'orientamento al lavoro e tirocini', en: 'job guidance and traineeships' },
  language_learning: { it: 'corsi di italiano per adulti', en: 'Italian classes for adults' },
  health: {
    it: 'accesso ai servizi sanitari e mediazione in ambulatorio',
    en: 'access to health services and mediation at clinics',
  },
  education: {
    it: 'sostegno scolastico per bambini e ragazzi',
    en: 'school support for children and teenagers',
  },
  culture: { it: 'eventi culturali, musica e cucina dal mondo', en: 'cultural events, music and food' },
  advocacy: {
    it: 'advocacy per i diritti delle persone migranti',
    en: 'advocacy for the rights of migrants',
  },
  community_matching: {
    it: 'percorsi di community matching tra volontari e nuovi arrivati',
    en: 'community matching pathways pairing volunteers and newcomers',
  },
  psychosocial_support: {
    it: 'supporto psicosociale e gruppi di ascolto',
    en: 'psychosocial support and listening groups',
  },
  gender_equality: {
    it: "percorsi per l'autonomia delle donne",
    en: "pathways to women's independence",
  },
  youth: {
    it: 'attività con minori stranieri non accompagnati e giovani',
    en: 'activities with unaccompanied minors and young people',
  },
  sport: { it: 'sport di squadra come luogo di incontro', en: 'team sport as a meeting place' },
  research: {
    it: "ricerca e analisi dei dati sull'inclusione",
    en: 'research and data analysis on inclusion',
  },
};

export const DEMO_ORGS: DemoOrg[] = [
  // Refugee-led associations
  {
    name: 'Associazione Nuovi Ponti APS',
    acronym: 'ANP',
    kind: 'refugee_led_association',
    legalForm: 'aps',
    city: 'Torino',
    community: 'syrian',
    fields: ['reception', 'language_learning', 'work', 'housing'],
    description: {
      it: 'Associazione fondata nel 2016 da rifugiati siriani, afghani ed eritrei arrivati a Torino. Accompagniamo chi arriva nei primi passi: orientamento ai servizi, corsi di italiano tenuti da mediatori che hanno vissuto lo stesso percorso, supporto nella ricerca di lavoro e casa. Ogni mese organizziamo una cena aperta al quartiere.',
      en: 'Association founded in 2016 by Syrian, Afghan and Eritrean refugees who settled in Turin. We support newcomers in their first steps: guidance to local services, Italian classes run by mediators who went through the same journey, help finding work and housing. Every month we host a dinner open to the neighbourhood.',
      ar: 'جمعية أسسها عام 2016 لاجئون من سوريا وأفغانستان وإريتريا استقروا في مدينة تورينو. نرافق القادمين الجدد في خطواتهم الأولى: التعريف بالخدمات المحلية، ودروس اللغة الإيطالية يقدّمها وسطاء مرّوا بالتجربة نفسها، والمساعدة في البحث عن عمل وسكن. وننظّم كل شهر عشاءً مفتوحاً لسكان الحي.',
    },
  },
  {
    name: 'Voci dal Sahel ODV',
    kind: 'refugee_led_association',
    legalForm: 'odv',
    city: 'Palermo',
    community: 'sahel',
    fields: ['reception', 'legal_aid', 'culture'],
  },
  {
    name: 'Associazione Yalla Insieme APS',
    kind: 'refugee_led_association',
    legalForm: 'aps',
    city: 'Milano',
    community: 'syrian',
    fields: ['language_learning', 'education', 'advocacy'],
    description: {
      it: "Gruppo di giovani siriani e italiani che a Milano organizza laboratori di lingua, doposcuola per bambini arabofoni e incontri sul diritto d'asilo. Collaboriamo con scuole e biblioteche di quartiere.",
      en: 'A group of young Syrians and Italians in Milan running language workshops, after-school support for Arabic-speaking children and meetings on the right to asylum. We work with neighbourhood schools and libraries.',
      ar: 'مجموعة من الشباب السوريين والإيطاليين في ميلانو تنظّم ورش عمل لتعلّم اللغة، ودعماً مدرسياً بعد الدوام للأطفال الناطقين بالعربية، ولقاءات حول حق اللجوء. ونتعاون مع المدارس والمكتبات في الأحياء.',
    },
  },
  {
    name: 'Comunità Afgana in Italia APS',
    acronym: 'CAI',
    kind: 'refugee_led_association',
    legalForm: 'aps',
    city: 'Roma',
    community: 'afghan',
    fields: ['reception', 'legal_aid', 'gender_equality'],
  },
  {
    name: 'Nuove Radici ODV',
    kind: 'refugee_led_association',
    legalForm: 'odv',
    city: 'Bologna',
    community: 'mixed',
    fields: ['housing', 'work', 'community_matching'],
  },
  {
    name: 'Associazione Habesha Firenze APS',
    kind: 'refugee_led_association',
    legalForm: 'aps',
    city: 'Firenze',
    community: 'eritrean',
    fields: ['reception', 'psychosocial_support', 'culture'],
  },
  {
    name: 'Rifugiati in Rete APS',
    kind: 'refugee_led_association',
    legalForm: 'aps',
    city: 'Bari',
    community: 'mixed',
    fields: ['advocacy', 'work', 'youth'],
  },
  {
    name: 'Associazione Salam Sud APS',
    kind: 'refugee_led_association',
    legalForm: 'aps',
    city: 'Catania',
    community: 'sudanese',
    fields: ['legal_aid', 'health', 'reception'],
    description: {
      it: 'Associazione nata a Catania da rifugiati sudanesi e ciadiani. Offre uno sportello di orientamento legale e sanitario in arabo, accompagna le persone appena sbarcate e forma mediatori linguistico-culturali.',
      en: 'Association founded in Catania by refugees from Sudan and Chad. It runs a legal and health guidance desk in Arabic, supports people who have just arrived by sea and trains language and cultural mediators.',
      ar: 'جمعية تأسست في كاتانيا على يد لاجئين من السودان وتشاد. تقدّم مكتباً للإرشاد القانوني والصحي باللغة العربية، وترافق الواصلين حديثاً عن طريق البحر، وتدرّب وسطاء لغويين وثقافيين.',
    },
  },
  {
    name: 'Voci Ucraine APS',
    kind: 'refugee_led_association',
    legalForm: 'aps',
    city: 'Padova',
    community: 'ukrainian',
    fields: ['reception', 'education', 'psychosocial_support'],
  },
  {
    name: 'Associazione Dunia Nuova APS',
    kind: 'refugee_led_association',
    legalForm: 'aps',
    city: 'Trieste',
    community: 'afghan',
    fields: ['reception', 'legal_aid', 'youth'],
  },
  {
    name: 'Donne Oltre i Confini ODV',
    kind: 'refugee_led_association',
    legalForm: 'odv',
    city: 'Reggio Calabria',
    community: 'mixed',
    fields: ['gender_equality', 'work', 'psychosocial_support'],
    description: {
      it: 'Associazione di donne rifugiate e italiane a Reggio Calabria: gruppi di parola, laboratori di sartoria che diventano lavoro, accompagnamento ai servizi contro la violenza di genere.',
      en: 'Association of refugee and Italian women in Reggio Calabria: talking groups, tailoring workshops that turn into jobs, and support to reach services against gender-based violence.',
      ar: 'جمعية تجمع نساءً لاجئات وإيطاليات في ريدجو كالابريا: حلقات للحوار، وورش للخياطة تتحوّل إلى فرص عمل، ومرافقة للوصول إلى خدمات مناهضة العنف القائم على النوع الاجتماعي.',
    },
  },
  {
    name: 'Giovani Rifugiati Protagonisti APS',
    acronym: 'GRP',
    kind: 'refugee_led_association',
    legalForm: 'aps',
    city: 'Roma',
    community: 'mixed',
    fields: ['youth', 'advocacy', 'sport'],
  },
  {
    name: 'Associazione Sabil APS',
    kind: 'refugee_led_association',
    legalForm: 'aps',
    city: 'Genova',
    community: 'somali',
    fields: ['language_learning', 'gender_equality', 'sport'],
    description: {
      it: 'Associazione di rifugiati somali a Genova. Sostiene le famiglie nel ricongiungimento familiare, organizza corsi di italiano per donne con servizio di baby-sitting e attività sportive per ragazzi.',
      en: 'Association of Somali refugees in Genoa. It helps families through family reunification, runs Italian classes for women with childcare, and sports activities for teenagers.',
      ar: 'جمعية للاجئين الصوماليين في جنوة. تساعد العائلات في إجراءات لمّ الشمل، وتنظّم دروساً في اللغة الإيطالية للنساء مع رعاية للأطفال، وأنشطة رياضية للمراهقين.',
    },
  },
  {
    name: 'Associazione Kabul-Bolzano ODV',
    kind: 'refugee_led_association',
    legalForm: 'odv',
    city: 'Bolzano',
    community: 'afghan',
    fields: ['reception', 'language_learning'],
    fate: 'submitted',
  },
  {
    name: 'Orizzonte Sudan APS',
    kind: 'refugee_led_association',
    legalForm: 'aps',
    city: 'Cagliari',
    community: 'sudanese',
    fields: ['legal_aid', 'advocacy'],
    fate: 'changes_requested',
  },
  // Migrant and diaspora associations
  {
    name: 'Comunità Senegalese di Brescia APS',
    kind: 'migrant_diaspora_association',
    legalForm: 'aps',
    city: 'Brescia',
    community: 'senegalese',
    fields: ['culture', 'work', 'education'],
  },
  {
    name: 'Associazione Filippina Pag-asa APS',
    kind: 'migrant_diaspora_association',
    legalForm: 'aps',
    city: 'Roma',
    community: 'filipino',
    fields: ['culture', 'health', 'work'],
  },
  {
    name: 'Associazione Sonar Bangla Venezia APS',
    kind: 'migrant_diaspora_association',
    legalForm: 'aps',
    city: 'Venezia',
    community: 'bangladeshi',
    fields: ['language_learning', 'education', 'culture'],
  },
  {
    name: 'Coordinamento Diaspora Marocchina Emilia APS',
    acronym: 'CDME',
    kind: 'migrant_diaspora_association',
    legalForm: 'aps',
    city: 'Modena',
    community: 'moroccan',
    fields: ['advocacy', 'education', 'gender_equality'],
  },
  {
    name: 'Associazione Albanese Illiria APS',
    kind: 'migrant_diaspora_association',
    legalForm: 'aps',
    city: 'Lecce',
    community: 'albanian',
    fields: ['culture', 'language_learning'],
  },
  {
    name: 'Asociación Inti Raymi Genova APS',
    kind: 'migrant_diaspora_association',
    legalForm: 'aps',
    city: 'Genova',
    community: 'peruvian',
    fields: ['culture', 'work'],
    fate: 'hidden',
  },
  {
    name: 'Donne Nigeriane Castel Volturno ODV',
    kind: 'migrant_diaspora_association',
    legalForm: 'odv',
    city: 'Castel Volturno',
    community: 'nigerian',
    fields: ['gender_equality', 'health', 'legal_aid'],
  },
  {
    name: 'Associazione Giovani Cinesi di Prato APS',
    kind: 'migrant_diaspora_association',
    legalForm: 'aps',
    city: 'Prato',
    community: 'chinese',
    fields: ['work', 'education'],
    fate: 'submitted',
  },
  // Local associations
  {
    name: 'Associazione Il Filo di Arianna ODV',
    kind: 'local_association',
    legalForm: 'odv',
    city: 'Perugia',
    community: 'italian',
    fields: ['community_matching', 'language_learning', 'reception'],
  },
  {
    name: 'Scuola Senza Confini ODV',
    kind: 'local_association',
    legalForm: 'odv',
    city: 'Ancona',
    community: 'italian',
    fields: ['language_learning', 'education'],
  },
  {
    name: 'Associazione Casa dei Popoli APS',
    kind: 'local_association',
    legalForm: 'aps',
    city: 'Cagliari',
    community: 'italian',
    fields: ['culture', 'community_matching', 'reception'],
  },
  {
    name: 'Associazione Porte Aperte ODV',
    kind: 'local_association',
    legalForm: 'odv',
    city: 'Trento',
    community: 'italian',
    fields: ['housing', 'community_matching'],
  },
  {
    name: 'Accoglienza Solidale Pescara ODV',
    kind: 'local_association',
    legalForm: 'odv',
    city: 'Pescara',
    community: 'italian',
    fields: ['reception', 'health', 'legal_aid'],
  },
  {
    name: 'Associazione Incontro e Cammino APS',
    kind: 'local_association',
    legalForm: 'aps',
    city: 'Verona',
    community: 'italian',
    fields: ['community_matching', 'housing', 'work'],
  },
  {
    name: 'ASD Calcio Senza Frontiere',
    kind: 'local_association',
    legalForm: 'other',
    city: 'Napoli',
    community: 'italian',
    fields: ['sport', 'youth'],
  },
  {
    name: 'Associazione Mamme del Mondo APS',
    kind: 'local_association',
    legalForm: 'aps',
    city: 'Bergamo',
    community: 'italian',
    fields: ['gender_equality', 'education', 'language_learning'],
  },
  {
    name: 'Associazione Terra di Mezzo ODV',
    kind: 'local_association',
    legalForm: 'odv',
    city: 'Sassari',
    community: 'italian',
    fields: ['reception', 'housing'],
    fate: 'suspended',
  },
  {
    name: 'Associazione Vicini di Casa APS',
    kind: 'local_association',
    legalForm: 'aps',
    city: 'Salerno',
    community: 'italian',
    fields: ['community_matching', 'housing'],
    fate: 'submitted',
  },
  // Volunteer service centres
  {
    name: 'CSV Lazio',
    kind: 'volunteer_service_centre',
    legalForm: 'other_ets',
    city: 'Roma',
    community: 'italian',
    fields: ['community_matching', 'research', 'advocacy'],
  },
  {
    name: 'CSV Milano',
    kind: 'volunteer_service_centre',
    legalForm: 'other_ets',
    city: 'Milano',
    community: 'italian',
    fields: ['community_matching', 'work'],
  },
  {
    name: 'CSV Napoli',
    kind: 'volunteer_service_centre',
    legalForm: 'other_ets',
    city: 'Napoli',
    community: 'italian',
    fields: ['community_matching', 'youth'],
  },
  {
    name: 'CSV Sardegna',
    kind: 'volunteer_service_centre',
    legalForm: 'other_ets',
    city: 'Cagliari',
    community: 'italian',
    fields: ['community_matching', 'culture'],
  },
  {
    name: 'CSV Marche',
    kind: 'volunteer_service_centre',
    legalForm: 'other_ets',
    city: 'Ancona',
    community: 'italian',
    fields: ['community_matching', 'research'],
    fate: 'hidden',
  },
  // Foundations and community foundations
  {
    name: 'Fondazione Comunità Bresciana',
    kind: 'community_foundation',
    legalForm: 'foundation',
    city: 'Brescia',
    community: 'italian',
    fields: ['housing', 'work', 'education'],
  },
  {
    name: 'Fondazione di Comunità Salernitana',
    kind: 'community_foundation',
    legalForm: 'foundation',
    city: 'Salerno',
    community: 'italian',
    fields: ['youth', 'work'],
  },
  {
    name: 'Fondazione Comunità del Canavese',
    kind: 'community_foundation',
    legalForm: 'foundation',
    city: 'Ivrea',
    community: 'italian',
    fields: ['housing', 'community_matching'],
  },
  {
    name: 'Fondazione Orizzonti Comuni',
    kind: 'foundation',
    legalForm: 'foundation',
    city: 'Milano',
    community: 'italian',
    fields: ['education', 'research', 'advocacy'],
  },
  {
    name: 'Fondazione Lume',
    kind: 'foundation',
    legalForm: 'foundation',
    city: 'Roma',
    community: 'italian',
    fields: ['health', 'psychosocial_support'],
  },
  {
    name: 'Fondazione Mediterraneo Solidale',
    kind: 'foundation',
    legalForm: 'foundation',
    city: 'Palermo',
    community: 'italian',
    fields: ['reception', 'work', 'youth'],
  },
  // Cooperatives and social enterprises
  {
    name: 'Cooperativa Sociale Il Mosaico',
    kind: 'cooperative',
    legalForm: 'social_cooperative',
    city: 'Bergamo',
    community: 'italian',
    fields: ['reception', 'housing', 'work'],
  },
  {
    name: 'Cooperativa Sociale Terra Nuova',
    kind: 'cooperative',
    legalForm: 'social_cooperative',
    city: 'Lecce',
    community: 'italian',
    fields: ['work', 'reception'],
  },
  {
    name: 'Cooperativa Sociale Il Girasole',
    kind: 'cooperative',
    legalForm: 'social_cooperative',
    city: 'Catania',
    community: 'italian',
    fields: ['youth', 'reception', 'education'],
  },
  {
    name: 'Cooperativa Sociale Ponti di Luce',
    kind: 'cooperative',
    legalForm: 'social_cooperative',
    city: "Reggio nell'Emilia",
    community: 'italian',
    fields: ['psychosocial_support', 'health'],
  },
  {
    name: 'Cooperativa Sociale Arcobaleno',
    kind: 'cooperative',
    legalForm: 'social_cooperative',
    city: 'Trapani',
    community: 'italian',
    fields: ['reception', 'legal_aid'],
    fate: 'suspended',
  },
  {
    name: 'Cooperativa Sociale La Tenda',
    kind: 'cooperative',
    legalForm: 'social_cooperative',
    city: 'Cosenza',
    community: 'italian',
    fields: ['reception', 'housing', 'youth'],
  },
  {
    name: 'Cooperativa Sociale Approdi',
    kind: 'cooperative',
    legalForm: 'social_cooperative',
    city: 'Ancona',
    community: 'italian',
    fields: ['work', 'language_learning'],
  },
  {
    name: 'Cooperativa Sociale Casa Comune',
    kind: 'cooperative',
    legalForm: 'social_cooperative',
    city: 'Padova',
    community: 'italian',
    fields: ['housing', 'community_matching'],
  },
  {
    name: 'Cooperativa Sociale Sentieri',
    kind: 'cooperative',
    legalForm: 'social_cooperative',
    city: 'Potenza',
    community: 'italian',
    fields: ['work', 'reception'],
    fate: 'departed',
  },
  {
    name: 'Cooperativa Sociale Nuove Rotte',
    kind: 'cooperative',
    legalForm: 'social_cooperative',
    city: 'Sassari',
    community: 'italian',
    fields: ['reception', 'work', 'language_learning'],
    fate: 'submitted',
  },
  // Public bodies
  {
    name: 'Comune di Bergamo – Servizi Sociali',
    kind: 'public_body',
    legalForm: 'public_entity',
    city: 'Bergamo',
    community: 'italian',
    fields: ['reception', 'housing', 'community_matching'],
  },
  {
    name: 'Comune di Torino – Ufficio Stranieri',
    kind: 'public_body',
    legalForm: 'public_entity',
    city: 'Torino',
    community: 'italian',
    fields: ['reception', 'legal_aid'],
  },
  {
    name: 'Comune di Bologna – Area Welfare',
    kind: 'public_body',
    legalForm: 'public_entity',
    city: 'Bologna',
    community: 'italian',
    fields: ['housing', 'community_matching', 'work'],
  },
  {
    name: 'Comune di Palermo – Ufficio Migranti',
    kind: 'public_body',
    legalForm: 'public_entity',
    city: 'Palermo',
    community: 'italian',
    fields: ['reception', 'youth'],
  },
  {
    name: 'Comune di Bari – Assessorato al Welfare',
    kind: 'public_body',
    legalForm: 'public_entity',
    city: 'Bari',
    community: 'italian',
    fields: ['reception', 'work'],
  },
  {
    name: 'Comune di Trento – Servizio Welfare e Coesione Sociale',
    kind: 'public_body',
    legalForm: 'public_entity',
    city: 'Trento',
    community: 'italian',
    fields: ['housing', 'community_matching'],
  },
  {
    name: 'Unione dei Comuni della Bassa Romagna',
    kind: 'public_body',
    legalForm: 'public_entity',
    city: 'Lugo',
    community: 'italian',
    fields: ['community_matching', 'language_learning'],
  },
  {
    name: 'Comune di Prato – Servizio Immigrazione e Cittadinanza',
    kind: 'public_body',
    legalForm: 'public_entity',
    city: 'Prato',
    community: 'italian',
    fields: ['reception', 'education'],
    fate: 'hidden',
  },
  // Universities and research
  {
    name: 'Istituto di Ricerca Migrazioni e Territori',
    acronym: 'IRMT',
    kind: 'university_research',
    legalForm: 'other_ets',
    city: 'Roma',
    community: 'italian',
    fields: ['research', 'advocacy'],
  },
  {
    name: 'Osservatorio Migranti Basilicata',
    kind: 'university_research',
    legalForm: 'other',
    city: 'Matera',
    community: 'italian',
    fields: ['research', 'work'],
  },
  {
    name: "Centro Interuniversitario Studi sull'Asilo",
    acronym: 'CISA',
    kind: 'university_research',
    legalForm: 'public_entity',
    city: 'Trento',
    community: 'italian',
    fields: ['research', 'legal_aid'],
  },
  // Companies
  {
    name: 'Talenti Senza Confini srl Società Benefit',
    kind: 'company',
    legalForm: 'company',
    city: 'Milano',
    community: 'italian',
    fields: ['work'],
  },
  {
    name: 'Impresa Sociale Mani in Pasta',
    kind: 'company',
    legalForm: 'social_enterprise',
    city: 'Torino',
    community: 'italian',
    fields: ['work', 'culture'],
  },
  {
    name: 'Sapori Migranti srl',
    kind: 'company',
    legalForm: 'company',
    city: 'Roma',
    community: 'italian',
    fields: ['work', 'culture'],
    fate: 'rejected',
  },
  // International organisations
  {
    name: 'Mediterranean Refugee Network – Sezione Italiana',
    acronym: 'MRN',
    kind: 'international_organisation',
    legalForm: 'other',
    city: 'Catania',
    community: 'mixed',
    fields: ['advocacy', 'research', 'legal_aid'],
  },
  {
    name: 'Rete Europea per l’Accoglienza – Ufficio Italia',
    kind: 'international_organisation',
    legalForm: 'other',
    city: 'Roma',
    community: 'italian',
    fields: ['advocacy', 'reception'],
  },
  // Other
  {
    name: 'Parrocchia San Lorenzo – Centro di Ascolto',
    kind: 'other',
    legalForm: 'other',
    city: 'Campobasso',
    community: 'italian',
    fields: ['reception', 'health'],
  },
  {
    name: 'Gruppo informale Cucine del Mondo',
    kind: 'other',
    legalForm: 'none',
    city: 'Matera',
    community: 'mixed',
    fields: ['culture', 'community_matching'],
  },
];

export const PROGRAMMES = {
  national: {
    slug: 'voci-in-rete',
    name: 'Voci in Rete – Programma nazionale per le associazioni di rifugiati',
    description: {
      it: 'Ogni anno il programma seleziona associazioni guidate da persone rifugiate, le forma e le accompagna, forma consorzi per la co-progettazione e organizza un evento nazionale di networking ed eventi locali.',
      en: 'Every year the programme selects refugee-led associations, trains and accompanies them, forms consortia for co-design and runs a national networking event plus local events.',
      ar: 'يختار البرنامج كل عام جمعيات يقودها لاجئون، ويقدّم لها التدريب والمرافقة، ويشكّل اتحادات للتصميم المشترك للمشاريع، وينظّم لقاءً وطنياً للتشبيك إلى جانب فعاليات محلية.',
    },
    editions: [
      { year: 2025, startsOn: '2025-03-01', endsOn: '2025-12-15' },
      { year: 2026, startsOn: '2026-02-02', endsOn: '2026-12-18' },
    ],
  },
  matching: {
    slug: 'rete-community-matching',
    name: 'Rete Community Matching',
    startsOn: '2024-04-15',
    description: {
      it: 'Enti pubblici e privati aderiscono gratuitamente alla rete per adottare la metodologia Community Matching: persone rifugiate affiancate da volontari del territorio in un percorso di sei mesi. Gli aderenti ricevono il pacchetto formativo, il toolkit e il kit di advocacy, la supervisione e partecipano agli eventi di scambio.',
      en: 'Public and private bodies join the network free of charge to adopt the Community Matching methodology: refugees paired with local volunteers for a six-month pathway. Members receive the training package, the toolkit and advocacy kit, supervision, and take part in exchange events.',
    },
  },
  practice: {
    slug: 'comunita-di-pratica-territori-inclusivi',
    name: 'Comunità di pratica – Bando Territori Inclusivi',
    year: 2025,
    startsOn: '2025-01-20',
    endsOn: '2026-12-31',
    description: {
      it: 'La comunità di pratica riunisce i progetti finanziati dal bando Territori Inclusivi e i loro partner: giornate di scambio in presenza e mezze giornate online, mentoring per ogni progetto e un forum per depositare i lavori e porre domande agli esperti.',
      en: 'The community of practice brings together the projects funded by the Territori Inclusivi call and their partners: exchange days in person and online half-days, mentoring for each project and a forum to share work and ask experts.',
    },
  },
} as const;

export const MEETING_NOTES = [
  "Presentazione della rete e dei moduli. L'organizzazione chiede di partecipare agli eventi di scambio e alla supervisione.",
  'Concordato il calendario della formazione; individuato un referente per la raccolta degli indicatori.',
  'Visita alla sede. Interesse per il toolkit di advocacy e per un percorso di community matching con il Comune.',
  'Incontro online: presentate le attività in corso, condivisi i contatti delle realtà vicine già nella rete.',
  'Discussa la partecipazione al prossimo evento nazionale; richiesto materiale informativo in arabo e inglese.',
];

export const APPLICATION_MESSAGES = [
  'Vorremmo entrare nella rete per scambiare esperienze con altre realtà che lavorano con persone rifugiate.',
  'Ci interessa soprattutto il pacchetto formativo per i nostri volontari e la possibilità di essere visibili nel repertorio.',
  'Lavoriamo da anni sul territorio e cerchiamo partner per co-progettare nuovi servizi.',
  'Abbiamo conosciuto la rete a un evento locale e vorremmo partecipare agli incontri di scambio.',
];
