// Demo mentoring: the demo expert accompanies the organisation of the demo org admin (sessions past and
// upcoming, an overdue action, an open request), plus a few notifications for demo users.
import { sql } from 'kysely';
import type { Tx } from '../db/database.js';
import { notify } from '../modules/notifications/notifications.service.js';

const DAY = 24 * 60 * 60 * 1000;
const dayOf = (now: Date, offset: number) =>
  new Date(now.getTime() + offset * DAY).toISOString().slice(0, 10);
const romeAt = (now: Date, offset: number, hour: number) => {
  const d = new Date(now.getTime() + offset * DAY);
  d.setUTCHours(hour - 1, 0, 0, 0);
  return d;
};

export async function insertDemoMentoring(tx: Tx, opts: { now: Date }): Promise<void> {
  const { now } = opts;
  const people = await tx
    .selectFrom('users')
    .select(['id', 'email'])
    .where('email', 'in', ['expert@demo.trama.it', 'orgadmin@demo.trama.it', 'operator@demo.trama.it'])
    .execute();
  const id = (email: string) => people.find((p) => p.email === email)?.id;
  const expert = id('expert@demo.trama.it');
  const orgAdmin = id('orgadmin@demo.trama.it');
  const operator = id('operator@demo.trama.it');
  if (!expert || !orgAdmin || !operator) return;
  const membership = await tx
    .selectFrom('organisation_members')
    .innerJoin('organisations', 'organisations.id', 'organisation_members.organisation_id')
    .select(['organisations.id', 'organisations.name'])
    .where('organisation_members.user_id', '=', orgAdmin)
    .where('organisation_members.role', '=', 'org_admin')
    .executeTakeFirst();
  if (!membership) return;
  const createdAt = new Date(now.getTime() - 75 * DAY);

  const engagement = await tx
    .insertInto('mentoring_engagements')
    .values({
      organisation_id: membership.id,
      mentor_user_id: expert,
      purpose: 'accompaniment',
      subject_kind: 'project',
      subject_name: 'Community Matching Roma Est',
      starts_on: dayOf(now, -75),
      ends_on: dayOf(now, 290),
      created_by: expert,
      created_at: createdAt,
      updated_at: createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const e = engagement.id;
  await tx
    .insertInto('mentoring_participants')
    .values(
      [orgAdmin, operator].map((user_id) => ({
        engagement_id: e,
        user_id,
        added_by: expert,
        created_at: createdAt,
      })),
    )
    .execute();
  await tx
    .insertInto('audit_log')
    .values({
      entity_type: 'mentoring_engagement',
      entity_id: e,
      action: 'created',
      to_status: 'active',
      actor_user_id: expert,
      created_at: createdAt,
    })
    .execute();

  const sessions = await tx
    .insertInto('mentoring_sessions')
    .values([
      {
        engagement_id: e,
        starts_at: romeAt(now, -60, 10),
        format: 'on_site',
        location: 'Sede dell’associazione',
        participant_ids: [expert, orgAdmin, operator],
        notes: 'Primo incontro: il gruppo di volontari è motivato ma la turnazione non è ancora chiara.',
        strengths: 'Forte radicamento nel quartiere; mediatori linguistici interni.',
        critical_issues: 'Nessun registro degli abbinamenti; rendicontazione affidata a una sola persona.',
        created_by: expert,
      },
      {
        engagement_id: e,
        starts_at: romeAt(now, -20, 15),
        format: 'online',
        location: 'https://meet.example.org/trama-supervisione',
        participant_ids: [expert, orgAdmin],
        notes: 'Supervisione su due abbinamenti in difficoltà; concordato un incontro con le famiglie.',
        strengths: 'Buona capacità di ascolto dei volontari.',
        critical_issues: 'Tempi di risposta lunghi verso i servizi sociali del municipio.',
        created_by: expert,
      },
      {
        engagement_id: e,
        starts_at: romeAt(now, 12, 10),
        format: 'online',
        location: 'https://meet.example.org/trama-supervisione',
        participant_ids: [expert, orgAdmin, operator],
        created_by: expert,
      },
    ])
    .returning(['id', 'starts_at'])
    .execute();
  const [first, second] = sessions;
  await tx
    .insertInto('mentoring_actions')
    .values([
      {
        engagement_id: e,
        session_id: first?.id ?? null,
        text: 'Creare un registro condiviso degli abbinamenti',
        owner_user_id: operator,
        due_on: dayOf(now, -40),
        status: 'done',
        done_at: new Date(now.getTime() - 42 * DAY),
        created_by: expert,
        created_at: first?.starts_at,
      },
      {
        engagement_id: e,
        session_id: second?.id ?? null,
        text: 'Inviare al mentor il calendario degli incontri con le famiglie',
        owner_user_id: orgAdmin,
        due_on: dayOf(now, -5),
        overdue_notified_at: new Date(now.getTime() - 4 * DAY),
        created_by: expert,
        created_at: second?.starts_at,
      },
      {
        engagement_id: e,
        session_id: second?.id ?? null,
        text: 'Contattare il segretariato sociale del municipio',
        owner_user_id: operator,
        due_on: dayOf(now, 10),
        created_by: expert,
        created_at: second?.starts_at,
      },
    ])
    .execute();
  await tx
    .insertInto('mentoring_requests')
    .values({
      engagement_id: e,
      requested_by: orgAdmin,
      topic: 'Come coinvolgere nuovi volontari nei mesi estivi',
      preferred_dates: [dayOf(now, 20), dayOf(now, 22)],
      created_at: new Date(now.getTime() - 2 * DAY),
    })
    .execute();

  const link = `/mentoring/${e}`;
  await notify(tx, {
    userIds: [orgAdmin],
    kind: 'mentoring.action_overdue',
    link,
    text: (l) =>
      ({
        it: {
          title: 'Azione scaduta',
          body: 'Inviare al mentor il calendario degli incontri con le famiglie',
        },
        en: { title: 'Action overdue', body: 'Send the mentor the calendar of meetings with the families' },
        ar: { title: 'إجراء متأخر', body: 'إرسال جدول اللقاءات مع العائلات إلى المرافق' },
      })[l],
  });
  await notify(tx, {
    userIds: [orgAdmin, operator],
    kind: 'mentoring.session_scheduled',
    link,
    text: (l) =>
      ({
        it: { title: 'Nuova sessione di accompagnamento in programma', body: membership.name },
        en: { title: 'A new mentoring session is scheduled', body: membership.name },
        ar: { title: 'تمت جدولة جلسة مرافقة جديدة', body: membership.name },
      })[l],
  });
  await notify(tx, {
    userIds: [expert],
    kind: 'mentoring.request_created',
    link,
    text: (l) =>
      ({
        it: {
          title: `${membership.name} chiede una sessione`,
          body: 'Come coinvolgere nuovi volontari nei mesi estivi',
        },
        en: {
          title: `${membership.name} requests a session`,
          body: 'How to involve new volunteers in the summer',
        },
        ar: { title: `${membership.name} تطلب جلسة`, body: 'كيفية إشراك متطوعين جدد في الصيف' },
      })[l],
  });
  // The overdue notice dates from when the action became overdue, not from the demo's loading.
  await tx
    .updateTable('notifications')
    .set({ created_at: sql`now() - interval '4 days'` })
    .where('user_id', '=', orgAdmin)
    .where('kind', '=', 'mentoring.action_overdue')
    .execute();
}
