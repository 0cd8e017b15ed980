// Demo events for the demo network: past and upcoming, national, local, webinar, training session and
// focus group, with registrations (one event full with a waiting list), attendance and feedback.
import type { Tx } from '../db/database.js';
import { newToken } from '../modules/auth/tokens.js';
import { newCheckInCode } from '../modules/events/events.service.js';
import { createRng } from './prng.js';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

type DemoEvent = {
  kind: string;
  format: 'in_person' | 'online' | 'hybrid';
  status: 'draft' | 'proposed' | 'published';
  audience: 'public' | 'members' | 'programme';
  title: Record<string, string>;
  description: Record<string, string>;
  /** Days from now (negative: past), start hour in Rome, duration in hours. */
  day: number;
  hour: number;
  hours: number;
  venue?: { name: string; address: string; municipality: string; province: string };
  capacityInPerson?: number;
  capacityOnline?: number;
  byOrganisation?: boolean;
  programme?: 'national' | 'matching';
  questions?: string[];
  /** How many people register (the rest of the seats stay free); past events get attendance. */
  registrations: number;
  maxPerOrganisation?: number;
};

const EVENTS: DemoEvent[] = [
  {
    kind: 'national_event',
    format: 'in_person',
    status: 'published',
    audience: 'public',
    title: { it: 'Incontro nazionale della rete', en: 'National network meeting' },
    description: {
      it: 'Due giorni di scambio tra le associazioni del programma: laboratori, racconti e progettazione.',
      en: 'Two days of exchange among the associations of the programme: workshops, stories and co-design.',
    },
    day: -40,
    hour: 9,
    hours: 8,
    venue: { name: 'Casa del Quartiere', address: 'Via dei Volsci 12', municipality: 'Roma', province: 'RM' },
    capacityInPerson: 60,
    programme: 'national',
    questions: ['accessibility', 'dietary', 'interpretation'],
    registrations: 36,
  },
  {
    kind: 'local_event',
    format: 'in_person',
    status: 'published',
    audience: 'public',
    title: {
      it: 'Festa di quartiere e presentazione dello sportello',
      en: 'Neighbourhood party and help desk launch',
    },
    description: { it: 'Musica, cibo e presentazione dello sportello di orientamento.' },
    day: -12,
    hour: 17,
    hours: 3,
    venue: {
      name: 'Giardini Margherita',
      address: 'Viale Meliconi 1',
      municipality: 'Bologna',
      province: 'BO',
    },
    capacityInPerson: 80,
    byOrganisation: true,
    registrations: 18,
  },
  {
    kind: 'webinar',
    format: 'online',
    status: 'published',
    audience: 'public',
    title: {
      it: 'Webinar: il Community Matching in sei mesi',
      en: 'Webinar: Community Matching in six months',
    },
    description: { it: 'Come funziona un percorso di abbinamento tra volontari e nuovi arrivati.' },
    day: 6,
    hour: 18,
    hours: 1.5,
    capacityOnline: 150,
    programme: 'matching',
    registrations: 22,
  },
  {
    kind: 'national_event',
    format: 'hybrid',
    status: 'published',
    audience: 'public',
    title: { it: 'Giornata nazionale di networking 2026', en: 'National networking day 2026' },
    description: {
      it: 'La giornata annuale della rete, in presenza a Milano e in diretta online.',
      en: 'The yearly day of the network, in Milan and live online.',
    },
    day: 30,
    hour: 9,
    hours: 7,
    venue: { name: 'Base Milano', address: 'Via Bergognone 34', municipality: 'Milano', province: 'MI' },
    capacityInPerson: 50,
    capacityOnline: 200,
    programme: 'national',
    questions: ['accessibility', 'interpretation', 'dietary', 'free_text'],
    registrations: 30,
    maxPerOrganisation: 4,
  },
  {
    kind: 'local_event',
    format: 'in_person',
    status: 'published',
    audience: 'public',
    title: { it: 'Laboratorio di cucina interculturale', en: 'Intercultural cooking workshop' },
    description: { it: 'Posti limitati: si cucina insieme e si mangia insieme.' },
    day: 9,
    hour: 16,
    hours: 3,
    venue: { name: 'Cucine Popolari', address: 'Via del Porto 4', municipality: 'Napoli', province: 'NA' },
    capacityInPerson: 8,
    byOrganisation: true,
    registrations: 11,
  },
  {
    kind: 'local_event',
    format: 'in_person',
    status: 'published',
    audience: 'public',
    title: {
      it: 'Sportello aperto: documenti e permessi di soggiorno',
      en: 'Open desk: documents and residence permits',
      ar: 'مكتب مفتوح: الوثائق وتصاريح الإقامة',
    },
    description: {
      it: 'Consulenza legale gratuita con avvocati volontari, con interpreti in arabo, tigrino e inglese.',
      en: 'Free legal advice with volunteer lawyers, with interpreters in Arabic, Tigrinya and English.',
      ar: 'استشارة قانونية مجانية مع محامين متطوعين، بحضور مترجمين بالعربية والتغرينية والإنجليزية.',
    },
    day: 4,
    hour: 10,
    hours: 4,
    venue: { name: 'Casa delle Culture', address: 'Via Paternò 34', municipality: 'Palermo', province: 'PA' },
    capacityInPerson: 40,
    byOrganisation: true,
    questions: ['interpretation', 'accessibility'],
    registrations: 14,
  },
  {
    kind: 'webinar',
    format: 'online',
    status: 'published',
    audience: 'members',
    title: {
      it: 'Webinar: rendicontare gli indicatori di impatto',
      en: 'Webinar: reporting impact indicators',
      ar: 'ندوة عبر الإنترنت: الإبلاغ عن مؤشرات الأثر',
    },
    description: {
      it: 'Per le organizzazioni aderenti: come compilare la scheda semestrale e usare i dati nei bandi.',
      en: 'For member organisations: filling in the half-yearly form and using the data in funding bids.',
    },
    day: 11,
    hour: 17,
    hours: 1.5,
    capacityOnline: 120,
    registrations: 31,
  },
  {
    kind: 'local_event',
    format: 'in_person',
    status: 'published',
    audience: 'public',
    title: {
      it: 'Torneo di calcio interculturale',
      en: 'Intercultural football tournament',
      ar: 'دوري كرة القدم بين الثقافات',
    },
    description: {
      it: 'Squadre miste di nuovi arrivati e residenti; iscrizioni per squadre di sette persone.',
      en: 'Mixed teams of newcomers and residents; sign up in teams of seven.',
    },
    day: 17,
    hour: 15,
    hours: 4,
    venue: {
      name: 'Campo sportivo Pellerina',
      address: 'Corso Appio Claudio 110',
      municipality: 'Torino',
      province: 'TO',
    },
    capacityInPerson: 70,
    byOrganisation: true,
    registrations: 26,
  },
  {
    kind: 'meeting',
    format: 'hybrid',
    status: 'published',
    audience: 'public',
    title: {
      it: 'Tavolo cittadino sull’accoglienza diffusa',
      en: 'City round table on dispersed reception',
      ar: 'طاولة مستديرة في المدينة حول الاستقبال الموزَّع',
    },
    description: {
      it: 'Comune, enti del terzo settore e associazioni di rifugiati fanno il punto sui posti disponibili.',
      en: 'The municipality, third-sector bodies and refugee associations review the places available.',
    },
    day: 21,
    hour: 9,
    hours: 3,
    venue: {
      name: 'Palazzo di Città',
      address: 'Corso Vittorio Emanuele II 84',
      municipality: 'Bari',
      province: 'BA',
    },
    capacityInPerson: 35,
    capacityOnline: 60,
    programme: 'national',
    registrations: 19,
  },
  {
    kind: 'local_event',
    format: 'in_person',
    status: 'published',
    audience: 'public',
    title: {
      it: 'Cena dei popoli',
      en: 'Dinner of peoples',
      ar: 'عشاء الشعوب',
    },
    description: {
      it: 'Ogni associazione porta un piatto della propria tradizione; il ricavato sostiene la scuola di italiano.',
      en: 'Each association brings a dish of its tradition; proceeds support the Italian school.',
    },
    day: 25,
    hour: 19,
    hours: 3,
    venue: {
      name: 'Circolo Vie Nuove',
      address: 'Viale Donato Giannotti 13',
      municipality: 'Firenze',
      province: 'FI',
    },
    capacityInPerson: 90,
    byOrganisation: true,
    questions: ['dietary'],
    registrations: 42,
  },
  {
    kind: 'webinar',
    format: 'online',
    status: 'published',
    audience: 'public',
    title: {
      it: 'Webinar: salute mentale e migrazione',
      en: 'Webinar: mental health and migration',
      ar: 'ندوة عبر الإنترنت: الصحة النفسية والهجرة',
    },
    description: {
      it: 'Con psicologi ed etnopsichiatri: riconoscere il trauma e orientare ai servizi.',
      en: 'With psychologists and ethnopsychiatrists: recognising trauma and guiding people to services.',
    },
    day: 38,
    hour: 18,
    hours: 2,
    capacityOnline: 300,
    registrations: 57,
  },
  {
    kind: 'training_session',
    format: 'hybrid',
    status: 'published',
    audience: 'members',
    title: {
      it: 'Formazione: metodologia Community Matching (modulo 1)',
      en: 'Training: Community Matching method (module 1)',
    },
    description: { it: 'Primo modulo della formazione per operatori degli enti aderenti.' },
    day: 14,
    hour: 10,
    hours: 3.5,
    venue: { name: 'Sede della rete', address: 'Via Nazionale 5', municipality: 'Roma', province: 'RM' },
    capacityInPerson: 20,
    capacityOnline: 40,
    programme: 'matching',
    registrations: 14,
  },
  {
    kind: 'focus_group',
    format: 'in_person',
    status: 'published',
    audience: 'members',
    title: {
      it: 'Focus group: risorse e bisogni in Emilia-Romagna',
      en: 'Focus group: resources and needs in Emilia-Romagna',
    },
    description: { it: 'Delegati degli enti valutano quanto ogni risorsa risponde a ogni bisogno.' },
    day: 21,
    hour: 14,
    hours: 3,
    venue: { name: 'Sala Borsa', address: 'Piazza del Nettuno 3', municipality: 'Bologna', province: 'BO' },
    capacityInPerson: 25,
    registrations: 6,
  },
  {
    kind: 'local_event',
    format: 'in_person',
    status: 'proposed',
    audience: 'public',
    title: { it: 'Cineforum: storie di arrivo', en: 'Film club: stories of arrival' },
    description: { it: 'Proiezione e dibattito con le persone protagoniste.' },
    day: 25,
    hour: 20,
    hours: 2.5,
    venue: { name: 'Cinema Arlecchino', address: 'Via San Pietro 5', municipality: 'Torino', province: 'TO' },
    capacityInPerson: 90,
    byOrganisation: true,
    registrations: 0,
  },
  {
    kind: 'meeting',
    format: 'online',
    status: 'draft',
    audience: 'members',
    title: { it: 'Riunione dei referenti territoriali', en: 'Meeting of territorial contacts' },
    description: { it: 'Bozza: ordine del giorno da definire.' },
    day: 45,
    hour: 11,
    hours: 1,
    registrations: 0,
  },
];

/** The instant of Rome wall time `hour` on the day `days` from now (the offset, 1 or 2 hours, from Intl). */
function romeAt(now: Date, days: number, hour: number): Date {
  const day = new Date(now.getTime() + days * DAY).toISOString().slice(0, 10);
  const guess = new Date(`${day}T${String(Math.floor(hour)).padStart(2, '0')}:${hour % 1 ? '30' : '00'}:00Z`);
  const rome = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Rome',
    hour: '2-digit',
    hourCycle: 'h23',
  }).format(guess);
  return new Date(guess.getTime() - (Number(rome) - guess.getUTCHours()) * HOUR);
}

export async function insertDemoEvents(
  tx: Tx,
  opts: { now: Date; staffUserId: string; programmes: { national: string; matching: string } },
): Promise<number> {
  const rng = createRng(20_260_305);
  const people = await tx
    .selectFrom('organisation_members as m')
    .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .where('o.status', '=', 'member')
    .select([
      'u.id as user_id',
      'u.email',
      'u.name',
      'u.locale',
      'o.id as organisation_id',
      'o.name as organisation_name',
      'o.region_code',
      'm.role',
    ])
    .orderBy('u.email')
    .execute();
  const organisers = people.filter((p) => p.role === 'org_admin');
  // One row per person (people may belong to several organisations): one registration per event each.
  const persons = [...new Map(people.map((p) => [p.user_id, p])).values()];
  let count = 0;
  for (const [i, e] of EVENTS.entries()) {
    const startsAt = romeAt(opts.now, e.day, e.hour);
    const endsAt = new Date(startsAt.getTime() + e.hours * HOUR);
    const province = e.venue
      ? await tx
          .selectFrom('provinces')
          .select(['code', 'region_code'])
          .where('code', '=', e.venue.province)
          .executeTakeFirst()
      : undefined;
    // A local event is organised by a member of its own region where there is one.
    const local = organisers.filter((o) => province && o.region_code === province.region_code);
    const pool = local.length > 0 ? local : organisers;
    const organiser = e.byOrganisation ? pool[(i * 7) % Math.max(1, pool.length)] : undefined;
    const ev = await tx
      .insertInto('events')
      .values({
        kind: e.kind,
        format: e.format,
        status: e.status,
        audience: e.audience,
        title: JSON.stringify(e.title),
        description: JSON.stringify(e.description),
        starts_at: startsAt,
        ends_at: endsAt,
        time_zone: 'Europe/Rome',
        venue_name: e.venue?.name ?? null,
        venue_address: e.venue?.address ?? null,
        municipality: e.venue?.municipality ?? null,
        province_code: province?.code ?? null,
        region_code: province?.region_code ?? null,
        online_url: e.format === 'in_person' ? null : `https://meet.example.org/trama-${i + 1}`,
        capacity_in_person: e.format === 'online' ? null : (e.capacityInPerson ?? null),
        capacity_online: e.format === 'in_person' ? null : (e.capacityOnline ?? null),
        registration_opens_at: null,
        registration_closes_at: null,
        programme_id: e.programme ? opts.programmes[e.programme] : null,
        organiser_organisation_id: organiser?.organisation_id ?? null,
        max_per_organisation: e.maxPerOrganisation ?? null,
        questions: e.questions ?? [],
        free_text_prompt: e.questions?.includes('free_text')
          ? JSON.stringify({
              it: 'Che cosa vorresti portare alla giornata?',
              en: 'What would you like to bring to the day?',
            })
          : null,
        cover_file_id: null,
        created_by: opts.staffUserId,
        created_at: new Date(startsAt.getTime() - 30 * DAY),
        updated_at: new Date(startsAt.getTime() - 30 * DAY),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    count++;
    const past = endsAt < opts.now;
    const chosen = rng.sample(persons, Math.min(e.registrations, persons.length));
    const perOrg = new Map<string, number>();
    const seats = { in_person: 0, online: 0 };
    for (const [j, p] of chosen.entries()) {
      const n = perOrg.get(p.organisation_id) ?? 0;
      if (e.maxPerOrganisation && n >= e.maxPerOrganisation) continue;
      perOrg.set(p.organisation_id, n + 1);
      const mode =
        e.format === 'online' ? 'online' : e.format === 'hybrid' && j % 3 === 0 ? 'online' : 'in_person';
      const capacity = mode === 'online' ? e.capacityOnline : e.capacityInPerson;
      const seated = capacity === undefined || seats[mode] < capacity;
      if (seated) seats[mode]++;
      let status = seated ? 'confirmed' : 'waitlisted';
      if (past && seated) status = rng.next() < 0.8 ? 'attended' : 'no_show';
      const at = new Date(startsAt.getTime() - (20 - (j % 15)) * DAY);
      const reg = await tx
        .insertInto('event_registrations')
        .values({
          event_id: ev.id,
          user_id: p.user_id,
          registered_by: null,
          email: p.email,
          name: p.name,
          locale: p.locale,
          status,
          mode,
          organisation_id: p.organisation_id,
          organisation_name: p.organisation_name,
          region_code: p.region_code,
          answers: JSON.stringify(
            e.questions?.includes('dietary') && j % 4 === 0 ? { dietary: 'vegetariano' } : {},
          ),
          check_in_code: newCheckInCode(),
          manage_token: newToken(),
          confirm_token_hash: null,
          queued_at: at,
          confirmed_at: seated ? at : null,
          checked_in_at: status === 'attended' ? new Date(startsAt.getTime() + (j % 20) * 60_000) : null,
          checked_in_by: status === 'attended' ? opts.staffUserId : null,
          reminded_at: past ? new Date(startsAt.getTime() - DAY) : null,
          created_at: at,
          updated_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (status === 'attended' && j % 3 === 0) {
        await tx
          .insertInto('event_feedback')
          .values({
            registration_id: reg.id,
            event_id: ev.id,
            rating: 3 + (j % 3),
            comment: j % 2 === 0 ? 'Molto utile, ci vediamo alla prossima.' : null,
          })
          .execute();
      }
    }
  }
  return count;
}
