// Mentoring: who sees notes, overdue actions and their one-time notification, requests → sessions.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext, type TestUser } from '../../../../test/app.js';
import { notifyOverdueActions } from './mentoring.service.js';

let t: TestContext;
type World = {
  engagementId: string;
  orgId: string;
  mentor: TestUser;
  participant: TestUser;
  orgAdmin: TestUser;
  bystander: TestUser;
  otherExpert: TestUser;
  outsider: TestUser;
  staff: TestUser;
};

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const inHours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();

async function world(): Promise<World> {
  const org = await t.newOrganisation();
  const mentor = await t.newUser({ networkRole: 'expert' });
  const participant = await t.newUser();
  const orgAdmin = await t.newUser();
  const bystander = await t.newUser();
  await t.addMember(org.id, participant, 'operator');
  await t.addMember(org.id, orgAdmin, 'org_admin');
  await t.addMember(org.id, bystander, 'operator');
  const res = await t.injectAs(mentor, {
    method: 'POST',
    url: '/api/v1/mentoring/engagements',
    payload: {
      organisationId: org.id,
      purpose: 'supervision',
      startsOn: day(-30),
      participantIds: [participant.id],
    },
  });
  expect(res.statusCode).toBe(201);
  return {
    engagementId: res.json().id,
    orgId: org.id,
    mentor,
    participant: await t.login(participant),
    orgAdmin: await t.login(orgAdmin),
    bystander: await t.login(bystander),
    otherExpert: await t.newUser({ networkRole: 'expert' }),
    outsider: await t.newUser(),
    staff: await t.newUser({ networkRole: 'staff' }),
  };
}

async function recordSession(w: World, extra: Record<string, unknown> = {}) {
  const res = await t.injectAs(w.mentor, {
    method: 'POST',
    url: `/api/v1/mentoring/engagements/${w.engagementId}/sessions`,
    payload: {
      startsAt: inHours(-48),
      format: 'on_site',
      location: 'Via Roma 1',
      notes: 'Riservato: tensioni nel direttivo',
      strengths: 'Rete territoriale forte',
      criticalIssues: 'Rendicontazione in ritardo',
      ...extra,
    },
  });
  expect(res.statusCode).toBe(201);
  return res.json();
}

const unreadOf = async (u: TestUser) =>
  (await t.injectAs(u, { method: 'GET', url: '/api/v1/notifications?unread=true&limit=100' })).json()
    .items as Array<{
    kind: string;
    title: string;
    link: string;
  }>;

beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

describe('mentoring engagements', () => {
  it('should show notes, strengths and critical issues only to participants, the mentor and staff', async () => {
    const w = await world();
    await recordSession(w);
    const expectations: Array<[keyof World, number, boolean]> = [
      ['mentor', 200, true],
      ['participant', 200, true],
      ['staff', 200, true],
      ['orgAdmin', 200, false],
      ['bystander', 200, false],
      ['otherExpert', 404, false],
      ['outsider', 404, false],
    ];
    for (const [role, status, seesPrivate] of expectations) {
      const user = w[role] as TestUser;
      const detail = await t.injectAs(user, {
        method: 'GET',
        url: `/api/v1/mentoring/engagements/${w.engagementId}`,
      });
      expect({ role, status: detail.statusCode }).toEqual({ role, status });
      const sessions = await t.injectAs(user, {
        method: 'GET',
        url: `/api/v1/mentoring/engagements/${w.engagementId}/sessions`,
      });
      expect({ role, status: sessions.statusCode }).toEqual({ role, status });
      if (status !== 200) continue;
      const s = detail.json().sessions[0];
      expect({ role, private: s.private !== null }).toEqual({ role, private: seesPrivate });
      if (seesPrivate) expect(s.private.notes).toContain('tensioni');
      else expect(JSON.stringify(detail.json())).not.toContain('tensioni');
      expect(JSON.stringify(sessions.json()).includes('tensioni')).toBe(seesPrivate);
    }
    const anon = await t.injectAs(null, {
      method: 'GET',
      url: `/api/v1/mentoring/engagements/${w.engagementId}`,
    });
    expect(anon.statusCode).toBe(401);
    // Cross-engagement lists never carry notes, even for those who may read them.
    const upcoming = await t.injectAs(w.mentor, {
      method: 'GET',
      url: '/api/v1/mentoring/sessions?upcoming=false',
    });
    expect(JSON.stringify(upcoming.json())).not.toContain('tensioni');
    expect(upcoming.json().items.length).toBeGreaterThan(0);
  });

  it('should stop showing notes to someone removed from the participants', async () => {
    const w = await world();
    await recordSession(w);
    const del = await t.injectAs(w.orgAdmin, {
      method: 'DELETE',
      url: `/api/v1/mentoring/engagements/${w.engagementId}/participants/${w.participant.id}`,
    });
    expect(del.json()).toMatchObject({ participants: [] });
    expect(del.statusCode).toBe(200);
    const detail = await t.injectAs(w.participant, {
      method: 'GET',
      url: `/api/v1/mentoring/engagements/${w.engagementId}`,
    });
    expect(detail.json().sessions[0].private).toBeNull();
  });

  it('should refuse participants who are not people of the organisation', async () => {
    const w = await world();
    const res = await t.injectAs(w.mentor, {
      method: 'POST',
      url: `/api/v1/mentoring/engagements/${w.engagementId}/participants`,
      payload: { userId: w.outsider.id },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields[0].path).toBe('userId');
    const again = await t.injectAs(w.orgAdmin, {
      method: 'POST',
      url: `/api/v1/mentoring/engagements/${w.engagementId}/participants`,
      payload: { userId: w.participant.id },
    });
    expect(again.statusCode).toBe(409);
  });

  it('should show overdue actions to both sides and to staff, and tell the owner at once', async () => {
    const w = await world();
    await recordSession(w, {
      actions: [
        { text: 'Inviare il bilancio sociale', ownerUserId: w.participant.id, dueOn: day(-1) },
        { text: 'Preparare il piano', ownerUserId: w.participant.id, dueOn: day(10) },
      ],
    });
    for (const u of [w.participant, w.mentor, w.staff, w.bystander]) {
      const res = await t.injectAs(u, {
        method: 'GET',
        url: '/api/v1/mentoring/actions?overdue=true&limit=100',
      });
      expect(res.statusCode).toBe(200);
      const mine = res
        .json()
        .items.filter((a: { engagementId: string }) => a.engagementId === w.engagementId);
      expect(mine.map((a: { text: string }) => a.text)).toEqual(['Inviare il bilancio sociale']);
      expect(mine[0].overdue).toBe(true);
    }
    const outsider = await t.injectAs(w.outsider, {
      method: 'GET',
      url: '/api/v1/mentoring/actions?overdue=true',
    });
    expect(
      outsider.json().items.filter((a: { engagementId: string }) => a.engagementId === w.engagementId),
    ).toEqual([]);
    const kinds = (await unreadOf(w.participant)).map((n) => n.kind).sort();
    expect(kinds).toEqual([
      'mentoring.action_assigned',
      'mentoring.action_overdue',
      'mentoring.engagement_started',
      'mentoring.session_recorded',
    ]);
    // Already announced as overdue: the job does not repeat it.
    await t.db.transaction().execute((tx) => notifyOverdueActions(tx));
    expect((await unreadOf(w.participant)).filter((n) => n.kind === 'mentoring.action_overdue')).toHaveLength(
      1,
    );
  });

  it('should tell the owner exactly once when an action becomes overdue', async () => {
    const w = await world();
    const created = await t.injectAs(w.mentor, {
      method: 'POST',
      url: `/api/v1/mentoring/engagements/${w.engagementId}/actions`,
      payload: { text: 'Aggiornare lo statuto', ownerUserId: w.participant.id, dueOn: day(3) },
    });
    expect(created.statusCode).toBe(201);
    await t.db.transaction().execute((tx) => notifyOverdueActions(tx));
    expect((await unreadOf(w.participant)).filter((n) => n.kind === 'mentoring.action_overdue')).toHaveLength(
      0,
    );
    // Time passes: the due date is now in the past.
    await t.db
      .updateTable('mentoring_actions')
      .set({ due_on: day(-2) })
      .where('id', '=', created.json().id)
      .execute();
    await t.db.transaction().execute((tx) => notifyOverdueActions(tx));
    await t.db.transaction().execute((tx) => notifyOverdueActions(tx));
    const overdue = (await unreadOf(w.participant)).filter((n) => n.kind === 'mentoring.action_overdue');
    expect(overdue).toHaveLength(1);
    expect(overdue[0]?.link).toBe(`/mentoring/${w.engagementId}`);
    // Done actions are no longer overdue anywhere.
    const done = await t.injectAs(w.participant, {
      method: 'PATCH',
      url: `/api/v1/mentoring/engagements/${w.engagementId}/actions/${created.json().id}`,
      payload: { status: 'done' },
    });
    expect(done.statusCode).toBe(200);
    expect(done.json().overdue).toBe(false);
    const bystander = await t.injectAs(w.bystander, {
      method: 'PATCH',
      url: `/api/v1/mentoring/engagements/${w.engagementId}/actions/${created.json().id}`,
      payload: { status: 'open' },
    });
    expect(bystander.statusCode).toBe(403);
  });

  it('should turn an organisation’s request into a scheduled session and tell the people concerned', async () => {
    const w = await world();
    const req = await t.injectAs(w.orgAdmin, {
      method: 'POST',
      url: `/api/v1/mentoring/engagements/${w.engagementId}/requests`,
      payload: { topic: 'Supervisione sul caso di una famiglia', preferredDates: [day(5), day(6)] },
    });
    expect(req.statusCode).toBe(201);
    expect((await unreadOf(w.mentor)).some((n) => n.kind === 'mentoring.request_created')).toBe(true);
    const staffView = await t.injectAs(w.staff, {
      method: 'GET',
      url: `/api/v1/mentoring/engagements/${w.engagementId}/requests`,
    });
    expect(staffView.json().items[0].status).toBe('open');

    const session = await recordSession(w, {
      startsAt: inHours(24 * 5),
      format: 'online',
      location: 'https://meet.example.org/abc',
      notes: '',
      requestId: req.json().id,
    });
    expect(session.requestId).toBe(req.json().id);
    const detail = (
      await t.injectAs(w.orgAdmin, { method: 'GET', url: `/api/v1/mentoring/engagements/${w.engagementId}` })
    ).json();
    expect(detail.requests[0]).toMatchObject({ status: 'scheduled', sessionId: session.id });
    expect(detail.timeline.map((i: { kind: string }) => i.kind)).toEqual(['created', 'request', 'session']);
    for (const u of [w.orgAdmin, w.participant]) {
      expect((await unreadOf(u)).some((n) => n.kind === 'mentoring.session_scheduled')).toBe(true);
    }
    const upcoming = await t.injectAs(w.staff, {
      method: 'GET',
      url: '/api/v1/mentoring/sessions?upcoming=true&limit=100',
    });
    expect(upcoming.json().items.some((s: { id: string }) => s.id === session.id)).toBe(true);

    // A request is scheduled once.
    const twice = await t.injectAs(w.mentor, {
      method: 'POST',
      url: `/api/v1/mentoring/engagements/${w.engagementId}/sessions`,
      payload: { startsAt: inHours(100), format: 'online', requestId: req.json().id },
    });
    expect(twice.statusCode).toBe(409);
  });

  it('should let only the organisation’s admins, operators and participants request, and only mentors decline', async () => {
    const w = await world();
    const body = { topic: 'Aiuto sul bando', preferredDates: [day(3)] };
    const url = `/api/v1/mentoring/engagements/${w.engagementId}/requests`;
    expect((await t.injectAs(w.mentor, { method: 'POST', url, payload: body })).statusCode).toBe(403);
    expect((await t.injectAs(w.outsider, { method: 'POST', url, payload: body })).statusCode).toBe(404);
    expect(
      (await t.injectAs(w.participant, { method: 'POST', url, payload: { topic: '' } })).statusCode,
    ).toBe(400);
    const r = await t.injectAs(w.participant, { method: 'POST', url, payload: body });
    expect(r.statusCode).toBe(201);
    const decline = `${url}/${r.json().id}/decline`;
    expect((await t.injectAs(w.orgAdmin, { method: 'POST', url: decline, payload: {} })).statusCode).toBe(
      403,
    );
    const ok = await t.injectAs(w.staff, {
      method: 'POST',
      url: decline,
      payload: { reason: 'Fuori ambito' },
    });
    expect(ok.json().status).toBe('declined');
    expect((await unreadOf(w.participant)).some((n) => n.kind === 'mentoring.request_declined')).toBe(true);
    expect((await t.injectAs(w.mentor, { method: 'POST', url: decline, payload: {} })).statusCode).toBe(409);
  });

  it('should close an engagement, record it in the timeline and refuse new sessions', async () => {
    const w = await world();
    const closed = await t.injectAs(w.mentor, {
      method: 'PATCH',
      url: `/api/v1/mentoring/engagements/${w.engagementId}`,
      payload: { status: 'closed', note: 'Percorso concluso' },
    });
    expect(closed.statusCode).toBe(200);
    expect(closed.json().status).toBe('closed');
    expect(closed.json().timeline.at(-1)).toMatchObject({ kind: 'status', text: 'Percorso concluso' });
    const res = await t.injectAs(w.mentor, {
      method: 'POST',
      url: `/api/v1/mentoring/engagements/${w.engagementId}/sessions`,
      payload: { startsAt: inHours(10), format: 'online' },
    });
    expect(res.statusCode).toBe(409);
    const byAdmin = await t.injectAs(w.orgAdmin, {
      method: 'PATCH',
      url: `/api/v1/mentoring/engagements/${w.engagementId}`,
      payload: { status: 'active' },
    });
    expect(byAdmin.statusCode).toBe(403);
  });

  it('should list my engagements by role and all of them for staff, paged', async () => {
    const w = await world();
    const ids = async (u: TestUser) => {
      const all: string[] = [];
      let cursor: string | null = null;
      do {
        const q: string = cursor ? `&cursor=${cursor}` : '';
        const res = await t.injectAs(u, { method: 'GET', url: `/api/v1/mentoring/engagements?limit=2${q}` });
        expect(res.statusCode).toBe(200);
        all.push(...res.json().items.map((e: { id: string }) => e.id));
        cursor = res.json().nextCursor;
      } while (cursor && all.length < 1000);
      return all;
    };
    expect(await ids(w.mentor)).toEqual([w.engagementId]);
    expect(await ids(w.bystander)).toEqual([w.engagementId]);
    expect(await ids(w.outsider)).toEqual([]);
    expect(await ids(w.otherExpert)).toEqual([]);
    const staffIds = await ids(w.staff);
    expect(staffIds).toContain(w.engagementId);
    expect(new Set(staffIds).size).toBe(staffIds.length);
    const bad = await t.injectAs(w.staff, { method: 'GET', url: '/api/v1/mentoring/engagements?cursor=xyz' });
    expect(bad.statusCode).toBe(400);
  });

  it('should let only experts and staff start engagements, with a member organisation', async () => {
    const w = await world();
    const body = { organisationId: w.orgId, purpose: 'mentoring', startsOn: day(0) };
    const url = '/api/v1/mentoring/engagements';
    expect((await t.injectAs(null, { method: 'POST', url, payload: body })).statusCode).toBe(401);
    expect((await t.injectAs(w.orgAdmin, { method: 'POST', url, payload: body })).statusCode).toBe(403);
    expect(
      (
        await t.injectAs(w.otherExpert, {
          method: 'POST',
          url,
          payload: { ...body, mentorUserId: w.mentor.id },
        })
      ).statusCode,
    ).toBe(403);
    const staffMade = await t.injectAs(w.staff, {
      method: 'POST',
      url,
      payload: { ...body, mentorUserId: w.mentor.id },
    });
    expect(staffMade.statusCode).toBe(201);
    expect(staffMade.json().mentor.id).toBe(w.mentor.id);
    const notMentor = await t.injectAs(w.staff, {
      method: 'POST',
      url,
      payload: { ...body, mentorUserId: w.outsider.id },
    });
    expect(notMentor.statusCode).toBe(400);
    const noName = await t.injectAs(w.staff, {
      method: 'POST',
      url,
      payload: { ...body, subjectKind: 'consortium' },
    });
    expect(noName.statusCode).toBe(400);
    expect(noName.json().error.details.fields[0].path).toBe('body.subjectName');
    const badDates = await t.injectAs(w.staff, {
      method: 'POST',
      url,
      payload: { ...body, endsOn: day(-5) },
    });
    expect(badDates.statusCode).toBe(400);
    const applicant = await t.newOrganisation({ status: 'applicant' });
    const notMember = await t.injectAs(w.staff, {
      method: 'POST',
      url,
      payload: { ...body, organisationId: applicant.id },
    });
    expect(notMember.statusCode).toBe(400);
  });

  it('should use the network’s date for "overdue" (an action due today is not overdue)', async () => {
    const w = await world();
    const today = (
      await sql<{ d: string }>`select (now() at time zone 'Europe/Rome')::date::text as d`.execute(t.db)
    ).rows[0]?.d as string;
    const res = await t.injectAs(w.mentor, {
      method: 'POST',
      url: `/api/v1/mentoring/engagements/${w.engagementId}/actions`,
      payload: { text: 'Oggi', ownerUserId: w.mentor.id, dueOn: today },
    });
    expect(res.json().overdue).toBe(false);
  });
});
