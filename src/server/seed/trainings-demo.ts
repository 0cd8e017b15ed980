// Demo trainings: a completed "Community Matching" course (7 hours, hybrid, 3 sessions) with attendance
// and certificates, and an upcoming course open for enrolment. Session events are written here directly,
// like the other demo data, with the same shape the trainings service gives them.
import type { Tx } from '../db/database.js';
import { newToken } from '../modules/auth/tokens.js';
import { newCheckInCode } from '../modules/events/events.service.js';
import { newCertificateCode } from '../modules/trainings/trainings.service.js';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

/** A wall-clock hour in Rome, `day` days from now (Rome is UTC+1/+2; +1 keeps the demo stable enough). */
const romeAt = (now: Date, day: number, hour: number) => {
  const d = new Date(now.getTime() + day * DAY);
  d.setUTCHours(hour - 1, 0, 0, 0);
  return d;
};

type DemoCourse = {
  title: Record<string, string>;
  description: Record<string, string>;
  seats: number;
  sessions: Array<{ day: number; hour: number; hours: number; format: 'in_person' | 'online' | 'hybrid' }>;
  enrol: number;
};

const COURSES: DemoCourse[] = [
  {
    title: {
      it: 'Metodologia Community Matching',
      en: 'Community Matching methodology',
      ar: 'منهجية التوفيق المجتمعي',
    },
    description: {
      it: 'Sette ore, in forma ibrida, per operatori e funzionari che vogliono avvicinarsi al metodo: abbinamenti tra persone rifugiate e volontari locali per un percorso di sei mesi.',
      en: 'Seven hours, hybrid, for operators and officials approaching the method: refugees paired with local volunteers for a six-month pathway.',
    },
    seats: 25,
    sessions: [
      { day: -30, hour: 9, hours: 3, format: 'hybrid' },
      { day: -23, hour: 9, hours: 2, format: 'online' },
      { day: -16, hour: 9, hours: 2, format: 'hybrid' },
    ],
    enrol: 14,
  },
  {
    title: { it: 'Monitoraggio civico della qualità dei servizi', en: 'Civic monitoring of service quality' },
    description: {
      it: 'Due incontri online per équipe territoriali: strumenti per valutare insieme i servizi pubblici.',
      en: 'Two online meetings for territorial teams: tools to assess public services together.',
    },
    seats: 12,
    sessions: [
      { day: 20, hour: 15, hours: 2, format: 'online' },
      { day: 27, hour: 15, hours: 2, format: 'online' },
    ],
    enrol: 5,
  },
];

export async function insertDemoTrainings(tx: Tx, opts: { now: Date; staffUserId: string }): Promise<number> {
  const people = [
    ...new Map(
      (
        await tx
          .selectFrom('organisation_members as m')
          .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
          .innerJoin('users as u', 'u.id', 'm.user_id')
          .where('o.status', '=', 'member')
          .select([
            'u.id',
            'u.email',
            'u.name',
            'u.locale',
            'o.id as org_id',
            'o.name as org_name',
            'o.region_code',
          ])
          .orderBy('u.email')
          .execute()
      ).map((p) => [p.id, p]),
    ).values(),
  ];
  for (const [ci, c] of COURSES.entries()) {
    const course = await tx
      .insertInto('courses')
      .values({
        status: 'published',
        title: JSON.stringify(c.title),
        description: JSON.stringify(c.description),
        audiences: ci === 0 ? ['operators', 'public_officials'] : ['territorial_teams'],
        format: ci === 0 ? 'hybrid' : 'online',
        seats: c.seats,
        completion_threshold: 0.75,
        created_by: opts.staffUserId,
        created_at: new Date(opts.now.getTime() - (60 - ci) * DAY),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const enrolled = people.slice(ci * 3, ci * 3 + c.enrol);
    const sessions: Array<{ eventId: string; hours: number; past: boolean }> = [];
    for (const s of c.sessions) {
      const startsAt = romeAt(opts.now, s.day, s.hour);
      const ev = await tx
        .insertInto('events')
        .values({
          kind: 'training_session',
          format: s.format,
          status: 'published',
          audience: 'invitation',
          title: JSON.stringify(c.title),
          description: JSON.stringify(c.description),
          starts_at: startsAt,
          ends_at: new Date(startsAt.getTime() + s.hours * HOUR),
          venue_name: s.format === 'online' ? null : 'Casa della Città',
          municipality: s.format === 'online' ? null : 'Roma',
          province_code: s.format === 'online' ? null : 'RM',
          region_code: s.format === 'online' ? null : '12',
          online_url: s.format === 'in_person' ? null : 'https://meet.example.org/trama-formazione',
          created_by: opts.staffUserId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await tx
        .insertInto('course_sessions')
        .values({ course_id: course.id, event_id: ev.id, hours: s.hours })
        .execute();
      sessions.push({ eventId: ev.id, hours: s.hours, past: s.day < 0 });
    }
    const total = sessions.reduce((n, s) => n + s.hours, 0);
    for (const [pi, p] of enrolled.entries()) {
      const en = await tx
        .insertInto('course_enrolments')
        .values({
          course_id: course.id,
          user_id: p.id,
          status: 'enrolled',
          mode: 'in_person',
          organisation_id: p.org_id,
          organisation_name: p.org_name,
          region_code: p.region_code,
          enrolled_at: new Date(opts.now.getTime() - 40 * DAY),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      let attended = 0;
      for (const [si, s] of sessions.entries()) {
        // Most come to everything; every fourth person misses the first (longest) session.
        const status = !s.past ? 'confirmed' : pi % 4 === 3 && si === 0 ? 'no_show' : 'attended';
        if (status === 'attended') attended += s.hours;
        await tx
          .insertInto('event_registrations')
          .values({
            event_id: s.eventId,
            user_id: p.id,
            email: p.email,
            name: p.name,
            locale: p.locale,
            status,
            mode: 'in_person',
            organisation_id: p.org_id,
            organisation_name: p.org_name,
            region_code: p.region_code,
            answers: '{}',
            check_in_code: newCheckInCode(),
            manage_token: newToken(),
            confirmed_at: new Date(opts.now.getTime() - 40 * DAY),
            checked_in_at: status === 'attended' ? new Date(opts.now.getTime() - 20 * DAY) : null,
          })
          .execute();
      }
      const first = sessions[0];
      if (ci === 0 && attended / total >= 0.75 && pi % 2 === 0 && first) {
        await tx
          .insertInto('course_certificates')
          .values({
            code: newCertificateCode(),
            enrolment_id: en.id,
            course_id: course.id,
            user_id: p.id,
            holder_name: p.name,
            course_title: JSON.stringify(c.title),
            hours_attended: attended,
            total_hours: total,
            first_session_at: romeAt(opts.now, c.sessions[0]?.day ?? 0, 9),
            last_session_at: romeAt(opts.now, c.sessions[c.sessions.length - 1]?.day ?? 0, 9),
            issued_by: opts.staffUserId,
            issued_at: new Date(opts.now.getTime() - 14 * DAY),
          })
          .execute();
      }
    }
  }
  return COURSES.length;
}
