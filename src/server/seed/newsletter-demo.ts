// Demo newsletter: confirmed subscribers with languages and interests, one who left, and two issues
// already sent (in the public archive), so the newsletter pages of a fresh demo show a living list.
import { randomBytes } from 'node:crypto';
import type { Tx } from '../db/database.js';
import { createRng } from './prng.js';

const DAY = 24 * 60 * 60 * 1000;

const FIRST = [
  'Amina',
  'Luca',
  'Giulia',
  'Omar',
  'Fatima',
  'Marco',
  'Sara',
  'Yusuf',
  'Elena',
  'Ibrahim',
  'Chiara',
  'Tesfay',
  'Nadia',
  'Paolo',
  'Mariam',
  'Davide',
  'Aisha',
  'Francesca',
  'Karim',
  'Silvia',
];
const LAST = [
  'Rossi',
  'Diallo',
  'Bianchi',
  'Haddad',
  'Esposito',
  'Tesfaye',
  'Ricci',
  'Mansour',
  'Romano',
  'Keita',
  'Greco',
  'Bakr',
  'Conti',
  'Nour',
  'Gallo',
];
const TOPICS = [
  'reception',
  'legal_aid',
  'housing',
  'work',
  'language_learning',
  'health',
  'community_matching',
];

const ISSUES = [
  {
    daysAgo: 52,
    contents: {
      it: {
        subject: 'Notizie dalla rete – ottobre',
        body: '## Benvenute alle nuove organizzazioni\n\nQuesto mese sono entrate nella rete **sei nuove organizzazioni**, tre delle quali guidate da rifugiati.\n\n- Il bando *Voci in Rete 2026* è aperto fino al 30 novembre\n- Nuovo toolkit sul Community Matching nella biblioteca\n- Ricordate di inviare gli indicatori del semestre\n\n[Vai all’elenco dei partecipanti](https://trama.example/directory)',
      },
      en: {
        subject: 'News from the network – October',
        body: '## Welcome to the new organisations\n\nThis month **six new organisations** joined the network, three of them refugee-led.\n\n- The *Voci in Rete 2026* call is open until 30 November\n- A new Community Matching toolkit is in the library\n- Remember to send the half-year indicators',
      },
      ar: {
        subject: 'أخبار الشبكة – أكتوبر',
        body: '## مرحبًا بالمنظمات الجديدة\n\nانضمت هذا الشهر **ست منظمات جديدة** إلى الشبكة، ثلاث منها يقودها لاجئون.\n\n- باب التقديم لبرنامج *Voci in Rete 2026* مفتوح حتى 30 نوفمبر\n- دليل جديد حول Community Matching في المكتبة',
      },
    },
  },
  {
    daysAgo: 21,
    contents: {
      it: {
        subject: 'Notizie dalla rete – novembre',
        body: '## La giornata nazionale di networking\n\nIl **2 gennaio** ci incontriamo a Milano e online: iscrizioni aperte nella pagina degli eventi.\n\nA dicembre parte il corso *Monitoraggio civico della qualità dei servizi* (4 ore, online), con attestato.\n\nGrazie alle 41 organizzazioni che hanno già inviato gli indicatori!',
      },
      en: {
        subject: 'News from the network – November',
        body: '## The national networking day\n\nOn **2 January** we meet in Milan and online: registration is open on the events page.\n\nIn December the course *Civic monitoring of service quality* starts (4 hours, online), with a certificate.',
      },
    },
  },
];

export async function insertDemoNewsletter(
  tx: Tx,
  opts: { now: Date; staffUserId: string; programmeIds: string[] },
): Promise<void> {
  const rng = createRng(20_261_103);
  const rows = [];
  for (let i = 0; i < 48; i++) {
    const first = FIRST[i % FIRST.length] as string;
    const last = LAST[(i * 7) % LAST.length] as string;
    const locale = i % 6 === 0 ? 'ar' : i % 5 === 0 ? 'en' : 'it';
    const confirmedAt = new Date(opts.now.getTime() - (10 + ((i * 37) % 300)) * DAY);
    const left = i === 47;
    rows.push({
      email: `${first}.${last}.${i}@iscritti.example.org`.toLowerCase(),
      name: `${first} ${last}`,
      locale,
      programme_ids: rng.sample(opts.programmeIds, i % 3),
      topics: rng.sample(TOPICS, 1 + (i % 3)),
      status: left ? ('unsubscribed' as const) : ('confirmed' as const),
      confirm_token_hash: null,
      confirm_expires_at: null,
      manage_token: randomBytes(32).toString('base64url'),
      confirmed_at: confirmedAt,
      unsubscribed_at: left ? new Date(opts.now.getTime() - 5 * DAY) : null,
      created_at: confirmedAt,
      updated_at: confirmedAt,
    });
  }
  await tx.insertInto('newsletter_subscriptions').values(rows).execute();
  for (const issue of ISSUES) {
    const sentAt = new Date(opts.now.getTime() - issue.daysAgo * DAY);
    await tx
      .insertInto('newsletter_campaigns')
      .values({
        status: 'sent',
        contents: JSON.stringify(issue.contents),
        audience: JSON.stringify({ all: true }),
        started_at: sentAt,
        finished_at: new Date(sentAt.getTime() + 20 * 60 * 1000),
        recipient_count: 40 + Math.round(issue.daysAgo / 10),
        created_by: opts.staffUserId,
        created_at: new Date(sentAt.getTime() - 2 * DAY),
        updated_at: sentAt,
      })
      .execute();
  }
}
