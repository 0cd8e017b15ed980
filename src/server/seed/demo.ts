// Demo network, loaded once into an empty deployment (DEMO=1, the default). Deterministic: a seeded
// generator picks the details, so every fresh start shows the same network (dates are relative to now).
import argon2 from 'argon2';
import { type Insertable, sql } from 'kysely';
import type { Db, Tx } from '../db/database.js';
import type { AuditLogTable } from '../modules/audit/audit.table.js';
import type { FileStore } from '../modules/files/file-store.js';
import { PROVINCES } from '../modules/geo/istat.js';
import type { ApplicationsTable } from '../modules/organisations/organisations.table.js';
import {
  APPLICATION_MESSAGES,
  CITIES,
  COMMUNITY_LANGUAGES,
  type Community,
  DEMO_ORGS,
  type DemoOrg,
  FIELD_PHRASES,
  MEETING_NOTES,
  ORIGIN,
  PEOPLE,
  PROGRAMMES,
  STREETS,
} from './demo-data.js';
import { insertDemoEvents } from './events-demo.js';
import { insertDemoForum } from './forum-demo.js';
import { renderLogo } from './logo.js';
import { insertDemoMentoring } from './mentoring-demo.js';
import { insertDemoNewsletter } from './newsletter-demo.js';
import { createRng, fakeTaxCode, type Rng } from './prng.js';
import { insertDemoResources } from './resources-demo.js';
import { addDemoSearchWords } from './search-words-demo.js';
import { insertDemoTrainings } from './trainings-demo.js';

export const DEMO_PASSWORD = 'trama-demo-2026';
export const DEMO_META_KEY = 'demo_loaded';
const SEED = 20_260_101;
const DAY = 24 * 60 * 60 * 1000;
const MODULES = [
  'training_package',
  'toolkit_advocacy_kit',
  'guided_accompaniment',
  'supervision',
  'exchange_events',
] as const;

// PGlite has one connection and its Kysely driver does not serialise transactions, so two loads in one
// process could interleave their statements; calls on the same database are queued here instead.
const queued = new WeakMap<Db, Promise<boolean>>();

export function loadDemoOnce(db: Db, files: FileStore, opts: { now?: Date } = {}): Promise<boolean> {
  const previous = queued.get(db) ?? Promise.resolve(false);
  const next = previous.catch(() => false).then(() => load(db, files, opts));
  queued.set(db, next);
  return next;
}

async function load(db: Db, files: FileStore, opts: { now?: Date }): Promise<boolean> {
  // Cheap check first, so an already-loaded deployment does not pay for hashing a password.
  if (await isLoaded(db)) return false;
  const passwordHash = await argon2.hash(DEMO_PASSWORD, { type: argon2.argon2id });
  const now = opts.now ?? new Date();
  return db.transaction().execute(async (tx) => {
    // Two processes starting at once: the second waits here, then sees the marker and does nothing.
    await sql`select pg_advisory_xact_lock(hashtext('trama:demo'))`.execute(tx);
    if (await isLoaded(tx)) return false;
    // A deployment already in use (e.g. after admin:create) is never filled with fictional data.
    const inUse =
      (await tx.selectFrom('organisations').select('id').limit(1).executeTakeFirst()) ??
      (await tx.selectFrom('users').select('id').limit(1).executeTakeFirst());
    if (inUse) return false;
    const summary = await insertDemo(tx, files, passwordHash, now);
    await addDemoSearchWords(tx);
    await tx
      .insertInto('app_meta')
      .values({ key: DEMO_META_KEY, value: JSON.stringify({ loadedAt: now.toISOString(), ...summary }) })
      .execute();
    return true;
  });
}

async function isLoaded(db: Db | Tx): Promise<boolean> {
  const row = await db
    .selectFrom('app_meta')
    .select('key')
    .where('key', '=', DEMO_META_KEY)
    .executeTakeFirst();
  return row !== undefined;
}

export function slugify(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const emailLocal = (s: string) => slugify(s).replace(/-/g, '');

type Person = { name: string; email: string; locale: 'it' | 'en' | 'ar'; languages: string[] };

function personFactory(rng: Rng) {
  const used = new Set<string>();
  return (community: Community, email?: string): Person => {
    const pool = PEOPLE[community];
    for (;;) {
      const name = `${rng.pick(pool.first)} ${rng.pick(pool.last)}`;
      const base = `${emailLocal(name.split(' ')[0] ?? name)}.${emailLocal(name.split(' ').slice(1).join(' '))}`;
      let address = email ?? `${base}@demo.trama.it`;
      for (let i = 2; !email && used.has(address); i++) address = `${base}${i}@demo.trama.it`;
      if (used.has(address)) continue;
      used.add(address);
      const own = COMMUNITY_LANGUAGES[community];
      const languages = ['it', ...rng.sample(own, rng.int(1, Math.max(1, own.length)))];
      if (community === 'italian' && rng.chance(0.6)) languages.push(rng.pick(['en', 'fr', 'es', 'ar']));
      return { name, email: address, locale: pool.locale, languages: [...new Set(languages)] };
    }
  };
}

function describeOrg(o: DemoOrg, rng: Rng, withEnglish: boolean): Record<string, string> {
  if (o.description) {
    const d: Record<string, string> = { it: o.description.it };
    if (o.description.en) d.en = o.description.en;
    if (o.description.ar) d.ar = o.description.ar;
    return d;
  }
  const [f1, f2] = o.fields.map((f) => FIELD_PHRASES[f] ?? { it: f, en: f });
  const a = f1 ?? { it: 'inclusione', en: 'inclusion' };
  const b = f2 ?? { it: 'lavoro di rete', en: 'networking' };
  const year = 1995 + rng.int(0, 27);
  const volunteers = 10 + rng.int(0, 8) * 5;
  const origin = ORIGIN[o.community];
  const city = o.city;
  const texts: Record<string, { it: string; en: string }> = {
    refugee_led_association: {
      it: `Associazione guidata da persone rifugiate ${origin.it}, attiva a ${city} dal ${Math.max(year, 2012)}. Si occupa di ${a.it} e di ${b.it}, con uno sportello settimanale e mediatori che parlano le lingue delle comunità.`,
      en: `An association led by ${origin.en} refugees, active in ${city} since ${Math.max(year, 2012)}. It works on ${a.en} and ${b.en}, with a weekly help desk and mediators who speak the communities' languages.`,
    },
    migrant_diaspora_association: {
      it: `Nata dall'impegno della comunità ${origin.it.replace(/e$/, 'e')} di ${city}, l'associazione promuove ${a.it} e ${b.it}, e fa da ponte tra le famiglie e i servizi del territorio.`,
      en: `Founded by the ${origin.en} community of ${city}, the association promotes ${a.en} and ${b.en}, and bridges families and local services.`,
    },
    local_association: {
      it: `Associazione di volontariato attiva a ${city} dal ${year}: ${a.it} e ${b.it}. Ogni settimana circa ${volunteers} volontarie e volontari affiancano le persone appena arrivate.`,
      en: `A volunteer association active in ${city} since ${year}: ${a.en} and ${b.en}. Every week about ${volunteers} volunteers support people who have just arrived.`,
    },
    volunteer_service_centre: {
      it: `Centro di servizio per il volontariato: sostiene gli enti del Terzo settore del territorio con formazione, consulenza e promozione del volontariato, anche tra le persone con background migratorio. Nella rete segue in particolare ${a.it}.`,
      en: `A volunteer service centre supporting local third-sector bodies with training, advice and promotion of volunteering, including among people with a migrant background. In the network it focuses on ${a.en}.`,
    },
    foundation: {
      it: `Fondazione che sostiene progetti di ${a.it} e di ${b.it} con bandi annuali e partenariati tra enti pubblici e privati.`,
      en: `A foundation funding projects on ${a.en} and ${b.en} through yearly calls and public-private partnerships.`,
    },
    community_foundation: {
      it: `Fondazione di comunità che raccoglie donazioni sul territorio di ${city} e le reinveste in progetti di ${a.it} e di ${b.it}.`,
      en: `A community foundation that raises donations around ${city} and reinvests them in projects on ${a.en} and ${b.en}.`,
    },
    cooperative: {
      it: `Cooperativa sociale che gestisce servizi di ${a.it} e di ${b.it} a ${city} e provincia, con équipe multidisciplinari e mediatori culturali.`,
      en: `A social cooperative running services for ${a.en} and ${b.en} in ${city} and its province, with multidisciplinary teams and cultural mediators.`,
    },
    public_body: {
      it: `Servizio pubblico che coordina ${a.it} e ${b.it} per le persone straniere residenti, in rete con le associazioni del territorio.`,
      en: `A public service coordinating ${a.en} and ${b.en} for foreign residents, working with local associations.`,
    },
    university_research: {
      it: `Centro di ricerca che studia le politiche di inclusione e offre alla rete ${a.it}, con rapporti annuali e seminari aperti.`,
      en: `A research centre studying inclusion policies that offers the network ${a.en}, with yearly reports and open seminars.`,
    },
    company: {
      it: `Impresa che crea opportunità di lavoro per persone rifugiate e migranti a ${city}, con percorsi di formazione in azienda.`,
      en: `A company creating job opportunities for refugees and migrants in ${city}, with on-the-job training.`,
    },
    international_organisation: {
      it: `Sezione italiana di una rete internazionale che lavora su ${a.it} e ${b.it}, collegando le realtà locali con i partner europei.`,
      en: `The Italian branch of an international network working on ${a.en} and ${b.en}, linking local groups with European partners.`,
    },
    other: {
      it: `Realtà di ${city} che offre ${a.it} e ${b.it}, grazie a un gruppo stabile di volontari.`,
      en: `A group in ${city} offering ${a.en} and ${b.en}, thanks to a steady team of volunteers.`,
    },
  };
  const t = texts[o.kind] ?? texts.other;
  if (!t) return { it: '' };
  return withEnglish ? { it: t.it, en: t.en } : { it: t.it };
}

function taxCodeKind(o: DemoOrg): 'association' | 'public' | 'company' | null {
  if (o.legalForm === 'none') return null;
  if (o.legalForm === 'public_entity') return 'public';
  if (['social_cooperative', 'social_enterprise', 'company'].includes(o.legalForm)) return 'company';
  return 'association';
}

const daysBefore = (d: Date, days: number, rng?: Rng) =>
  new Date(d.getTime() - days * DAY - (rng ? rng.int(8, 18) * 3_600_000 : 0));
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

async function insertDemo(tx: Tx, files: FileStore, passwordHash: string, now: Date) {
  const rng = createRng(SEED);
  const regionOf = new Map(PROVINCES.map((p) => [p.code, p.region]));
  const fieldRows = await tx.selectFrom('fields_of_activity').select(['id', 'slug']).execute();
  const fieldId = new Map(fieldRows.map((f) => [f.slug, f.id]));
  const newPerson = personFactory(rng);

  // Network staff.
  const staffPeople = {
    admin: {
      ...newPerson('italian', 'admin@demo.trama.it'),
      name: 'Giulia Ferrante',
      role: 'admin' as const,
    },
    staff: { ...newPerson('italian', 'staff@demo.trama.it'), name: 'Marco Rinaldi', role: 'staff' as const },
    liaison: {
      ...newPerson('italian', 'liaison@demo.trama.it'),
      name: 'Sara Colombo',
      role: 'staff' as const,
    },
    expert: {
      ...newPerson('moroccan', 'expert@demo.trama.it'),
      name: 'Amina Haddad',
      role: 'expert' as const,
      locale: 'it' as const,
    },
    trainer: {
      ...newPerson('italian', 'trainer@demo.trama.it'),
      name: 'Davide Marino',
      role: 'expert' as const,
    },
  };

  // Timeline: a founding cohort 30 months ago, then growth that speeds up (more joins recently).
  const members = DEMO_ORGS.filter((o) =>
    ['member', 'hidden', 'suspended', 'departed', undefined].includes(o.fate),
  );
  const flagged = members.filter((o) => o.fate === 'suspended' || o.fate === 'departed');
  const order = rng.sample(
    members.filter((o) => !flagged.includes(o)),
    members.length,
  );
  for (const o of flagged) order.splice(rng.int(3, 20), 0, o);
  const flagship = DEMO_ORGS[0] as DemoOrg;
  order.splice(order.indexOf(flagship), 1);
  order.unshift(flagship);
  const founding = 12;
  const joinedAt = new Map<DemoOrg, Date>();
  order.forEach((o, k) => {
    const daysAgo =
      k < founding
        ? 912 - rng.int(0, 28)
        : Math.max(9, Math.round(870 * (1 - Math.sqrt((k - founding) / (order.length - founding)))));
    joinedAt.set(o, daysBefore(now, daysAgo, rng));
  });

  // Logos for about half of the organisations.
  const logoIds = new Map<DemoOrg, string>();
  const logoRows: Array<{
    org: DemoOrg;
    row: {
      purpose: string;
      content_type: string;
      size_bytes: number;
      sha256: string;
      storage_key: string;
      width: number;
      height: number;
      created_by: null;
      created_at: Date;
      updated_at: Date;
    };
  }> = [];
  for (const [i, o] of DEMO_ORGS.entries()) {
    if (i !== 0 && !rng.chance(0.5)) continue;
    const logo = await renderLogo(o.name, rng, i % 3 === 0 ? 'png' : 'webp');
    const stored = await files.put(logo.data, logo.ext);
    const at = joinedAt.get(o) ?? daysBefore(now, 20);
    logoRows.push({
      org: o,
      row: {
        purpose: 'logo',
        content_type: logo.contentType,
        size_bytes: stored.size,
        sha256: stored.sha256,
        storage_key: stored.storageKey,
        width: logo.width,
        height: logo.height,
        created_by: null,
        created_at: at,
        updated_at: at,
      },
    });
  }
  if (logoRows.length > 0) {
    const ids = await tx
      .insertInto('files')
      .values(logoRows.map((l) => l.row))
      .returning('id')
      .execute();
    ids.forEach((r, i) => {
      logoIds.set((logoRows[i] as (typeof logoRows)[number]).org, r.id);
    });
  }

  // Organisations.
  const taxCodes = new Set<string>();
  const submittedAt = new Map<DemoOrg, Date>();
  const orgRows = DEMO_ORGS.map((o, i) => {
    const city = CITIES[o.city];
    if (!city) throw new Error(`Demo city ${o.city} has no entry`);
    const region = regionOf.get(city.province);
    const fate = o.fate ?? 'member';
    const status =
      fate === 'submitted' || fate === 'changes_requested'
        ? 'applicant'
        : fate === 'hidden'
          ? 'member'
          : fate === 'rejected'
            ? 'rejected'
            : fate;
    const tcKind = taxCodeKind(o);
    let taxCode: string | null = null;
    while (tcKind && (taxCode === null || taxCodes.has(taxCode))) taxCode = fakeTaxCode(rng, tcKind);
    if (taxCode) taxCodes.add(taxCode);
    const joined = joinedAt.get(o) ?? null;
    const applied =
      status === 'applicant'
        ? daysBefore(now, fate === 'changes_requested' ? 26 : rng.int(1, 18), rng)
        : status === 'rejected'
          ? daysBefore(now, 72, rng)
          : daysBefore(joined ?? now, rng.int(6, 30), rng);
    submittedAt.set(o, applied);
    const languages = [...new Set(['it', ...COMMUNITY_LANGUAGES[o.community]])];
    if (o.community === 'italian' && rng.chance(0.55)) languages.push(rng.pick(['en', 'fr', 'ar', 'es']));
    const visible = fate !== 'hidden' && (status !== 'applicant' || rng.chance(0.8));
    const modules = rng.sample(MODULES, rng.int(2, 5)) as string[];
    if (visible) modules.push('directory_visibility');
    const compact = emailLocal(o.acronym ?? o.name).slice(0, 24);
    const isPublic = o.kind === 'public_body';
    return {
      slug: slugify(o.name),
      name: o.name,
      acronym: o.acronym ?? null,
      kind: o.kind,
      legal_form: o.legalForm,
      tax_code: taxCode,
      runts_number: ['aps', 'odv', 'other_ets'].includes(o.legalForm)
        ? String(rng.int(100_000, 999_999))
        : null,
      address: `${rng.pick(STREETS)} ${rng.int(1, 180)}`,
      postal_code: city.cap,
      municipality: o.city,
      province_code: city.province,
      region_code: region ?? null,
      website: i % 5 === 4 ? null : `https://${compact}.demo.trama.it`,
      email: `${isPublic ? 'servizi' : 'info'}@${compact}.demo.trama.it`,
      phone: `+39 ${city.prefix} ${rng.digits(10 - city.prefix.length)}`,
      languages: [...new Set(languages)],
      description: JSON.stringify(describeOrg(o, rng, rng.chance(0.35))),
      logo_file_id: logoIds.get(o) ?? null,
      visible,
      status: status as 'applicant' | 'member' | 'rejected' | 'suspended' | 'departed',
      modules: [...MODULES, 'directory_visibility'].filter((m) => modules.includes(m)),
      joined_at: joined,
      left_at: fate === 'departed' ? daysBefore(now, 64, rng) : null,
      created_at: applied,
      updated_at: joined ?? applied,
    };
  });
  const inserted = await tx.insertInto('organisations').values(orgRows).returning(['id', 'slug']).execute();
  const orgId = new Map<DemoOrg, string>();
  DEMO_ORGS.forEach((o, i) => {
    orgId.set(o, (inserted[i] as { id: string }).id);
  });
  const idOf = (o: DemoOrg) => orgId.get(o) as string;

  const orgFields = DEMO_ORGS.flatMap((o) =>
    o.fields.flatMap((slug) => {
      const id = fieldId.get(slug);
      return id ? [{ organisation_id: idOf(o), field_id: id }] : [];
    }),
  );
  if (orgFields.length > 0) await tx.insertInto('organisation_fields').values(orgFields).execute();

  // People: network staff, then organisation admins, operators and delegates.
  type UserSeed = Person & { role: 'admin' | 'staff' | 'expert' | null; createdAt: Date };
  const users: UserSeed[] = Object.values(staffPeople).map((p) => ({
    ...p,
    createdAt: daysBefore(now, 930),
  }));
  const memberships: Array<{ org: DemoOrg; email: string; role: 'org_admin' | 'operator' | 'delegate' }> = [];
  const admins = new Map<DemoOrg, Person>();
  const addUser = (p: Person, org: DemoOrg, role: 'org_admin' | 'operator' | 'delegate') => {
    const at = new Date((joinedAt.get(org) as Date).getTime() + rng.int(1, 12) * DAY);
    users.push({ ...p, role: null, createdAt: at < now ? at : now });
    memberships.push({ org, email: p.email, role });
    if (role === 'org_admin') admins.set(org, p);
  };
  const yusuf = { ...newPerson('syrian', 'orgadmin@demo.trama.it'), name: 'Yusuf Darwish' };
  const chiara = { ...newPerson('italian', 'operator@demo.trama.it'), name: 'Chiara Bruno' };
  const zahra = { ...newPerson('afghan', 'delegate@demo.trama.it'), name: 'Zahra Hosseini' };
  addUser(yusuf, flagship, 'org_admin');
  addUser(chiara, flagship, 'operator');
  addUser(zahra, flagship, 'delegate');
  for (const o of order.slice(1)) {
    const staffCommunity: Community = o.community === 'mixed' || rng.chance(0.3) ? 'italian' : o.community;
    if (rng.chance(0.8)) addUser(newPerson(o.community === 'mixed' ? 'mixed' : o.community), o, 'org_admin');
    if (rng.chance(0.35)) addUser(newPerson(staffCommunity), o, 'operator');
    if (rng.chance(0.25)) addUser(newPerson(o.community), o, 'delegate');
  }
  const insertedUsers = await tx
    .insertInto('users')
    .values(
      users.map((u) => ({
        email: u.email,
        name: u.name,
        password_hash: passwordHash,
        email_verified_at: u.createdAt,
        network_role: u.role,
        locale: u.locale,
        languages: u.languages,
        disabled_at: null,
        created_at: u.createdAt,
        updated_at: u.createdAt,
      })),
    )
    .returning(['id', 'email'])
    .execute();
  const userId = new Map(insertedUsers.map((u) => [u.email, u.id]));
  const uid = (email: string) => userId.get(email) as string;
  // One person in two organisations: Zahra is also the delegate of the Afghan community association.
  const afghan = DEMO_ORGS.find((o) => o.name.startsWith('Comunità Afgana')) as DemoOrg;
  memberships.push({ org: afghan, email: zahra.email, role: 'delegate' });
  const seen = new Set<string>();
  const memberRows = memberships
    .filter((m) => {
      const key = `${idOf(m.org)}:${m.email}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map((m) => ({
      organisation_id: idOf(m.org),
      user_id: uid(m.email),
      role: m.role,
      created_at: joinedAt.get(m.org) ?? now,
      updated_at: joinedAt.get(m.org) ?? now,
    }));
  await tx.insertInto('organisation_members').values(memberRows).execute();

  const staffId = uid(staffPeople.staff.email);
  const adminId = uid(staffPeople.admin.email);
  const liaisonId = uid(staffPeople.liaison.email);

  // Applications: approved ones for members who joined after the founding cohort, plus the open queue.
  const applicationRows: Insertable<ApplicationsTable>[] = [];
  const audit: Insertable<AuditLogTable>[] = [];
  type Event = {
    action: string;
    from: string | null;
    to: string | null;
    at: Date;
    actor: string | null;
    note?: string | null;
  };
  const entry = (entityType: string, entityId: string, e: Event): Insertable<AuditLogTable> => ({
    entity_type: entityType,
    entity_id: entityId,
    action: e.action,
    from_status: e.from,
    to_status: e.to,
    note: e.note ?? null,
    actor_user_id: e.actor,
    created_at: e.at,
    updated_at: e.at,
  });
  const log = (o: DemoOrg, e: Event) => audit.push(entry('organisation', idOf(o), e));
  // Audit events of each application, parallel to applicationRows (their ids come back from the insert).
  const applicationEvents: Event[][] = [];
  const accepted = (at: Date) => ({ commitments_accepted_at: at, privacy_accepted_at: at, submitted_at: at });

  for (const o of order.slice(founding)) {
    const contact = admins.get(o) ?? newPerson(o.community);
    const at = submittedAt.get(o) as Date;
    const reviewedAt = joinedAt.get(o) as Date;
    const reviewer = rng.chance(0.7) ? staffId : liaisonId;
    applicationRows.push({
      organisation_id: idOf(o),
      status: 'approved',
      contact_name: contact.name,
      contact_email: contact.email,
      contact_phone: null,
      contact_role: rng.pick(['Presidente', 'Coordinatrice', 'Coordinatore', 'Responsabile progetti']),
      contact_locale: contact.locale,
      message: rng.pick(APPLICATION_MESSAGES),
      ...accepted(at),
      review_note: null,
      reviewed_by: reviewer,
      reviewed_at: reviewedAt,
      created_at: at,
      updated_at: reviewedAt,
    });
    applicationEvents.push([
      { action: 'submitted', from: null, to: 'submitted', at, actor: null },
      { action: 'approved', from: 'submitted', to: 'approved', at: reviewedAt, actor: reviewer },
    ]);
    log(o, { action: 'joined', from: 'applicant', to: 'member', at: reviewedAt, actor: reviewer });
  }
  for (const o of DEMO_ORGS) {
    const fate = o.fate ?? 'member';
    if (fate === 'suspended') {
      const at = daysBefore(now, rng.int(20, 50), rng);
      const note =
        'Sospensione temporanea: da un anno non partecipa agli incontri e non invia gli indicatori.';
      log(o, { action: 'suspended', from: 'member', to: 'suspended', at, actor: staffId, note });
    }
    if (fate === 'departed') {
      const at = daysBefore(now, 64);
      log(o, { action: 'left', from: 'member', to: 'departed', at, actor: null });
    }
    if (fate !== 'submitted' && fate !== 'changes_requested' && fate !== 'rejected') continue;
    const contact = newPerson(o.community);
    const at = submittedAt.get(o) as Date;
    const reviewedAt = fate === 'submitted' ? null : new Date(at.getTime() + 7 * DAY);
    const note =
      fate === 'changes_requested'
        ? 'Grazie per la domanda. Potete indicare il numero di iscrizione al RUNTS e descrivere meglio le attività svolte negli ultimi due anni?'
        : fate === 'rejected'
          ? "La rete accoglie enti che lavorano per l'inclusione di persone rifugiate e migranti: l'attività descritta è solo commerciale."
          : null;
    applicationRows.push({
      organisation_id: idOf(o),
      status: fate === 'rejected' ? 'rejected' : fate,
      contact_name: contact.name,
      contact_email: contact.email,
      contact_phone: `+39 3${rng.digits(2)} ${rng.digits(3)} ${rng.digits(4)}`,
      contact_role: rng.pick(['Presidente', 'Coordinatrice', 'Vicepresidente', 'Responsabile progetti']),
      contact_locale: contact.locale,
      message: rng.pick(APPLICATION_MESSAGES),
      ...accepted(at),
      review_note: note,
      reviewed_by: reviewedAt ? staffId : null,
      reviewed_at: reviewedAt,
      created_at: at,
      updated_at: reviewedAt ?? at,
    });
    const events: Event[] = [{ action: 'submitted', from: null, to: 'submitted', at, actor: null }];
    if (reviewedAt && fate !== 'submitted') {
      events.push({ action: fate, from: 'submitted', to: fate, at: reviewedAt, actor: staffId, note });
      if (fate === 'rejected') {
        log(o, {
          action: 'rejected',
          from: 'applicant',
          to: 'rejected',
          at: reviewedAt,
          actor: staffId,
          note,
        });
      }
    }
    applicationEvents.push(events);
  }
  const applicationIds = await tx
    .insertInto('applications')
    .values(applicationRows)
    .returning('id')
    .execute();
  applicationIds.forEach((row, i) => {
    for (const e of applicationEvents[i] ?? []) audit.push(entry('application', row.id, e));
  });

  // Introductory meetings with the most recent members.
  const recent = order.slice(-10).filter((o) => (o.fate ?? 'member') === 'member');
  const meetings = recent.flatMap((o) => {
    const joined = joinedAt.get(o) as Date;
    const held = new Date(Math.min(joined.getTime() + rng.int(4, 14) * DAY, now.getTime() - DAY));
    const admin = admins.get(o);
    return [
      {
        organisation_id: idOf(o),
        held_on: isoDay(held),
        participants: `Marco Rinaldi (rete)${admin ? `, ${admin.name} (${o.name})` : `, referenti di ${o.name}`}`,
        notes: rng.pick(MEETING_NOTES),
        recorded_by: staffId,
        created_at: held,
        updated_at: held,
      },
    ];
  });
  if (meetings.length > 0) await tx.insertInto('introductory_meetings').values(meetings).execute();
  recent.forEach((o, i) => {
    const m = meetings[i];
    if (m) {
      const note = `${m.held_on}: ${m.participants}`;
      log(o, {
        action: 'introductory_meeting',
        from: null,
        to: null,
        at: m.created_at,
        actor: staffId,
        note,
      });
    }
  });
  await tx.insertInto('audit_log').values(audit).execute();

  // Programmes, their staff and participating organisations.
  const P = PROGRAMMES;
  const progAt = daysBefore(now, 900);
  const [national] = await tx
    .insertInto('programmes')
    .values({
      slug: P.national.slug,
      name: P.national.name,
      parent_id: null,
      year: null,
      starts_on: '2025-03-01',
      ends_on: null,
      description: JSON.stringify(P.national.description),
      created_at: progAt,
      updated_at: progAt,
    })
    .returning('id')
    .execute();
  const nationalId = (national as { id: string }).id;
  const programmeRows = await tx
    .insertInto('programmes')
    .values([
      ...P.national.editions.map((e) => ({
        slug: `${P.national.slug}-${e.year}`,
        name: `Voci in Rete ${e.year}`,
        parent_id: nationalId,
        year: e.year,
        starts_on: e.startsOn,
        ends_on: e.endsOn,
        description: JSON.stringify({
          it: `Edizione ${e.year} del programma nazionale: selezione delle associazioni, formazione, co-progettazione in consorzi ed evento nazionale di networking.`,
          en: `The ${e.year} edition of the national programme: selection of associations, training, co-design in consortia and a national networking event.`,
        }),
        created_at: progAt,
        updated_at: progAt,
      })),
      {
        slug: P.matching.slug,
        name: P.matching.name,
        parent_id: null,
        year: null,
        starts_on: P.matching.startsOn,
        ends_on: null,
        description: JSON.stringify(P.matching.description),
        created_at: progAt,
        updated_at: progAt,
      },
      {
        slug: P.practice.slug,
        name: P.practice.name,
        parent_id: null,
        year: P.practice.year,
        starts_on: P.practice.startsOn,
        ends_on: P.practice.endsOn,
        description: JSON.stringify(P.practice.description),
        created_at: progAt,
        updated_at: progAt,
      },
    ])
    .returning(['id', 'slug'])
    .execute();
  const progId = (slug: string) =>
    slug === P.national.slug ? nationalId : (programmeRows.find((p) => p.slug === slug)?.id as string);
  const ed2025 = progId(`${P.national.slug}-2025`);
  const ed2026 = progId(`${P.national.slug}-2026`);
  const matchingId = progId(P.matching.slug);
  const practiceId = progId(P.practice.slug);
  const trainerId = uid(staffPeople.trainer.email);
  const expertId = uid(staffPeople.expert.email);
  const staffRows = [
    { programme_id: nationalId, user_id: staffId, role: 'project_manager' as const },
    { programme_id: ed2025, user_id: staffId, role: 'project_manager' as const },
    { programme_id: ed2025, user_id: liaisonId, role: 'liaison_officer' as const },
    { programme_id: ed2025, user_id: trainerId, role: 'trainer' as const },
    { programme_id: ed2026, user_id: staffId, role: 'project_manager' as const },
    { programme_id: ed2026, user_id: liaisonId, role: 'liaison_officer' as const },
    { programme_id: ed2026, user_id: trainerId, role: 'trainer' as const },
    { programme_id: ed2026, user_id: expertId, role: 'expert' as const },
    { programme_id: matchingId, user_id: liaisonId, role: 'project_manager' as const },
    { programme_id: matchingId, user_id: trainerId, role: 'trainer' as const },
    { programme_id: practiceId, user_id: staffId, role: 'project_manager' as const },
    { programme_id: practiceId, user_id: expertId, role: 'expert' as const },
    { programme_id: practiceId, user_id: adminId, role: 'liaison_officer' as const },
  ];
  await tx.insertInto('programme_staff').values(staffRows).execute();

  const active = (o: DemoOrg) => ['member', 'hidden', undefined].includes(o.fate);
  const rlos = DEMO_ORGS.filter((o) => o.kind === 'refugee_led_association' && active(o));
  const participants: Array<{ programme_id: string; organisation_id: string }> = [];
  const join = (programme: string, list: DemoOrg[]) => {
    for (const o of list) participants.push({ programme_id: programme, organisation_id: idOf(o) });
  };
  join(ed2025, rlos.slice(0, 7));
  join(ed2026, [...rlos.slice(0, 1), ...rlos.slice(2, 3), ...rlos.slice(5, 6), ...rlos.slice(7)]);
  join(
    matchingId,
    DEMO_ORGS.filter(
      (o) =>
        active(o) &&
        (o.fields.includes('community_matching') || o.kind === 'volunteer_service_centre') &&
        o.kind !== 'refugee_led_association',
    ),
  );
  join(
    practiceId,
    rng.sample(
      DEMO_ORGS.filter(
        (o) =>
          active(o) &&
          ['public_body', 'migrant_diaspora_association', 'cooperative', 'university_research'].includes(
            o.kind,
          ),
      ),
      14,
    ),
  );
  await tx
    .insertInto('programme_organisations')
    .values(participants.map((p) => ({ ...p, created_at: progAt, updated_at: progAt })))
    .execute();
  await insertDemoEvents(tx, {
    now,
    staffUserId: staffId,
    programmes: { national: ed2026, matching: matchingId },
  });
  await insertDemoTrainings(tx, { now, staffUserId: staffId });
  await insertDemoNewsletter(tx, { now, staffUserId: staffId, programmeIds: [ed2026, matchingId] });
  await insertDemoMentoring(tx, { now });
  await insertDemoResources(tx, { now, staffUserId: staffId, files, matchingProgrammeId: matchingId });
  await insertDemoForum(tx, { now, staffUserId: staffId, programmeId: practiceId });

  return {
    organisations: orgRows.length,
    users: users.length,
    applications: applicationRows.length,
    logos: logoRows.length,
  };
}
