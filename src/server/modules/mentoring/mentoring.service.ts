// Mentoring and supervision: engagements, sessions with private notes, follow-up actions and session
// requests. Access is decided here, from the actor alone (see the table of src/shared/mentoring.ts).
import type {
  ActionBody,
  ActionList,
  ActionListQuery,
  CandidateList,
  CreateEngagementBody,
  EngagementDetail,
  EngagementList,
  EngagementListQuery,
  EngagementSummary,
  MentoringAction,
  MentoringSession,
  RequestBody,
  SessionBody,
  SessionList,
  SessionListQuery,
  SessionRequest,
  TimelineItem,
  UpdateEngagementBody,
  UpdateSessionBody,
} from '../../../shared/mentoring.js';
import { MENTORING_WEB_PATHS } from '../../../shared/mentoring.js';
import type { AppContext } from '../../context.js';
import type { DbOrTx, Tx } from '../../db/database.js';
import { AppError, fieldError } from '../../errors.js';
import { auditEntries, recordAudit } from '../audit/audit.service.js';
import { type Actor, isStaff as isStaffGuard } from '../auth/actor.js';
import { notify } from '../notifications/notifications.service.js';
import * as repo from './mentoring.repository.js';
import { mentoringTexts as texts } from './mentoring.texts.js';

const ENTITY = 'mentoring_engagement';
/** Not a type guard: the other branch still has an actor. */
const isStaff = (a: Actor): boolean => isStaffGuard(a);
const MENTOR_ROLES = new Set(['expert', 'staff', 'admin']);

type Access = {
  e: repo.EngagementRow;
  me: Actor;
  staff: boolean;
  mentor: boolean;
  participant: boolean;
  orgRole: string | undefined;
};

const can = (a: Access) => ({
  manage: a.staff || a.mentor,
  seePrivate: a.staff || a.mentor || a.participant,
  editParticipants: a.staff || a.mentor || a.orgRole === 'org_admin',
  request:
    a.e.status === 'active' && (a.participant || a.orgRole === 'org_admin' || a.orgRole === 'operator'),
});

function mustLogIn(actor: Actor | null): Actor {
  if (!actor) throw new AppError('UNAUTHENTICATED', 'Log in first');
  return actor;
}

const viewerOf = (me: Actor): repo.Viewer =>
  isStaff(me) ? 'staff' : { userId: me.userId, organisationIds: [...me.memberships.keys()] };

/** 404 for anyone who may not see the engagement at all: its existence is not theirs to know. */
async function access(db: DbOrTx, actor: Actor | null, id: string): Promise<Access> {
  const me = mustLogIn(actor);
  const e = await repo.findEngagement(db, id);
  if (!e) throw new AppError('NOT_FOUND', 'No such engagement');
  const staff = isStaff(me);
  const mentor = e.mentor_user_id === me.userId;
  const orgRole = me.memberships.get(e.organisation_id);
  const participant = !mentor && (await repo.isParticipant(db, id, me.userId));
  if (!staff && !mentor && !participant && !orgRole) throw new AppError('NOT_FOUND', 'No such engagement');
  return { e, me, staff, mentor, participant, orgRole };
}

function mustManage(a: Access) {
  if (!can(a).manage) throw new AppError('FORBIDDEN', 'Only the mentor or network staff do this');
}
function mustBeActive(a: Access) {
  if (a.e.status !== 'active') throw new AppError('INVALID_STATE', 'The engagement is closed');
}

// ---------------------------------------------------------------------------------------------------------
// DTOs

const iso = (d: Date) => d.toISOString();

function toSummary(
  e: repo.EngagementRow,
  c: Awaited<ReturnType<typeof repo.engagementCounters>>,
): EngagementSummary {
  const next = c.next.find((n) => n.engagement_id === e.id)?.next_at ?? null;
  const act = c.actions.find((n) => n.engagement_id === e.id);
  const req = c.requests.find((n) => n.engagement_id === e.id);
  return {
    id: e.id,
    organisation: { id: e.organisation_id, name: e.organisation_name, slug: e.organisation_slug },
    mentor: { id: e.mentor_user_id, name: e.mentor_name },
    purpose: e.purpose as EngagementSummary['purpose'],
    subjectKind: e.subject_kind as EngagementSummary['subjectKind'],
    subjectName: e.subject_name,
    startsOn: e.starts_on,
    endsOn: e.ends_on,
    status: e.status as EngagementSummary['status'],
    nextSessionAt: next ? iso(new Date(next as unknown as string)) : null,
    openActions: Number(act?.open ?? 0),
    overdueActions: Number(act?.overdue ?? 0),
    openRequests: Number(req?.open ?? 0),
    createdAt: iso(e.created_at),
  };
}

function toSession(s: repo.SessionRow, names: Map<string, string>, seePrivate: boolean): MentoringSession {
  return {
    id: s.id,
    engagementId: s.engagement_id,
    organisationName: s.organisation_name,
    mentor: { id: s.mentor_user_id, name: s.mentor_name },
    startsAt: iso(s.starts_at),
    timeZone: s.time_zone,
    durationMinutes: s.duration_minutes,
    format: s.format as MentoringSession['format'],
    location: s.location,
    participants: s.participant_ids.map((id) => ({ id, name: names.get(id) ?? '' })),
    requestId: s.request_id,
    private: seePrivate
      ? { notes: s.notes, strengths: s.strengths, criticalIssues: s.critical_issues }
      : null,
    createdAt: iso(s.created_at),
  };
}

const toAction = (a: repo.ActionRow): MentoringAction => ({
  id: a.id,
  engagementId: a.engagement_id,
  organisationName: a.organisation_name,
  sessionId: a.session_id,
  text: a.text,
  owner: { id: a.owner_user_id, name: a.owner_name },
  dueOn: a.due_on,
  status: a.status as MentoringAction['status'],
  overdue: a.overdue,
  doneAt: a.done_at ? iso(a.done_at) : null,
  createdAt: iso(a.created_at),
});

const toRequest = (r: repo.RequestRow): SessionRequest => ({
  id: r.id,
  engagementId: r.engagement_id,
  topic: r.topic,
  preferredDates: r.preferred_dates,
  note: r.note,
  status: r.status as SessionRequest['status'],
  requestedBy: { id: r.requested_by ?? '00000000-0000-0000-0000-000000000000', name: r.requester_name ?? '' },
  sessionId: r.session_id,
  reason: r.reason,
  createdAt: iso(r.created_at),
});

async function sessionDtos(db: DbOrTx, rows: repo.SessionRow[], seePrivate: (s: repo.SessionRow) => boolean) {
  const names = await repo.namesOf(db, [...new Set(rows.flatMap((s) => s.participant_ids))]);
  return rows.map((s) => toSession(s, names, seePrivate(s)));
}

function encode(v: Record<string, string>) {
  return Buffer.from(JSON.stringify(v)).toString('base64url');
}
function decode<T extends Record<string, string>>(
  s: string | undefined,
  check: (v: T) => boolean,
): T | undefined {
  if (!s) return undefined;
  try {
    const v = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as T;
    if (!v || typeof v !== 'object' || !check(v) || !/^[0-9a-f-]{36}$/i.test(String(v.id)))
      throw new Error('bad');
    return v;
  } catch {
    throw fieldError('cursor', 'invalid cursor');
  }
}
const isInstant = (s: unknown) => typeof s === 'string' && !Number.isNaN(Date.parse(s));
const isDay = (s: unknown) => typeof s === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(s);

// ---------------------------------------------------------------------------------------------------------
// Engagements

export async function listEngagements(
  ctx: AppContext,
  actor: Actor | null,
  q: EngagementListQuery,
): Promise<EngagementList> {
  const me = mustLogIn(actor);
  const after = decode<{ t: string; id: string }>(q.cursor, (v) => isInstant(v.t));
  const rows = await repo.listEngagements(ctx.db, viewerOf(me), {
    status: q.status,
    after: after ? { createdAt: new Date(after.t), id: after.id } : undefined,
    limit: q.limit + 1,
  });
  const page = rows.slice(0, q.limit);
  const counters = await repo.engagementCounters(
    ctx.db,
    page.map((r) => r.id),
  );
  const last = page[page.length - 1];
  return {
    items: page.map((r) => toSummary(r, counters)),
    nextCursor: rows.length > q.limit && last ? encode({ t: iso(last.created_at), id: last.id }) : null,
  };
}

async function timelineOf(
  db: DbOrTx,
  id: string,
  sessions: MentoringSession[],
  requests: SessionRequest[],
  actions: MentoringAction[],
): Promise<TimelineItem[]> {
  const audit = await auditEntries(db, [{ entityType: ENTITY, entityId: id }]);
  const kinds: Record<string, TimelineItem['kind']> = {
    created: 'created',
    status_changed: 'status',
    participant_added: 'participant_added',
    participant_removed: 'participant_removed',
    request_declined: 'request_declined',
  };
  const items: TimelineItem[] = [
    ...sessions.map((s) => ({
      at: s.startsAt,
      kind: 'session' as const,
      refId: s.id,
      text: s.format,
      actorName: s.mentor.name,
    })),
    ...requests.map((r) => ({
      at: r.createdAt,
      kind: 'request' as const,
      refId: r.id,
      text: r.topic,
      actorName: r.requestedBy.name,
    })),
    ...actions.map((a) => ({
      at: a.createdAt,
      kind: 'action' as const,
      refId: a.id,
      text: a.text,
      actorName: a.owner.name,
    })),
    ...actions
      .filter((a) => a.doneAt)
      .map((a) => ({
        at: a.doneAt as string,
        kind: 'action_done' as const,
        refId: a.id,
        text: a.text,
        actorName: a.owner.name,
      })),
    ...audit.flatMap((e) => {
      const kind = kinds[e.action];
      if (!kind) return [];
      return [
        { at: e.createdAt, kind, refId: null, text: e.note ?? e.toStatus ?? '', actorName: e.actorName },
      ];
    }),
  ];
  return items.sort((a, b) => a.at.localeCompare(b.at));
}

export async function getEngagement(
  ctx: AppContext,
  actor: Actor | null,
  id: string,
): Promise<EngagementDetail> {
  return detailOf(ctx.db, await access(ctx.db, actor, id));
}

async function detailOf(db: DbOrTx, a: Access): Promise<EngagementDetail> {
  const id = a.e.id;
  const c = can(a);
  const [counters, participants, sessionRows, requestRows, actionRows] = await Promise.all([
    repo.engagementCounters(db, [id]),
    repo.participantsOf(db, id),
    repo.sessionsOf(db, id),
    repo.requestsOf(db, id),
    repo.actionsOf(db, id),
  ]);
  const sessions = await sessionDtos(db, sessionRows, () => c.seePrivate);
  const requests = requestRows.map(toRequest);
  const actions = actionRows.map(toAction);
  return {
    ...toSummary(a.e, counters),
    participants: participants.map((p) => ({ id: p.id, name: p.name })),
    sessions,
    requests,
    actions,
    timeline: await timelineOf(db, id, sessions, requests, actions),
    can: c,
  };
}

async function reload(db: DbOrTx, a: Access): Promise<EngagementDetail> {
  const e = await repo.findEngagement(db, a.e.id);
  if (!e) throw new AppError('NOT_FOUND', 'No such engagement');
  return detailOf(db, { ...a, e });
}

async function checkMembers(db: DbOrTx, organisationId: string, ids: string[], field: string) {
  const unique = [...new Set(ids)];
  const members = new Set(await repo.membersAmong(db, organisationId, unique));
  const outside = unique.filter((u) => !members.has(u));
  if (outside.length > 0) throw fieldError(field, 'only people of the organisation can take part');
  return unique;
}

export async function createEngagement(
  ctx: AppContext,
  actor: Actor | null,
  body: CreateEngagementBody,
): Promise<EngagementDetail> {
  const me = mustLogIn(actor);
  const staff = isStaff(me);
  if (!staff && me.networkRole !== 'expert') {
    throw new AppError('FORBIDDEN', 'Only experts and network staff start an engagement');
  }
  const mentorId = body.mentorUserId ?? me.userId;
  if (!staff && mentorId !== me.userId)
    throw new AppError('FORBIDDEN', 'An expert is the mentor of what they start');
  const mentor = await repo.findUser(ctx.db, mentorId);
  if (!mentor || mentor.disabled_at || !MENTOR_ROLES.has(mentor.network_role ?? '')) {
    throw fieldError('mentorUserId', 'must be an expert or a member of staff');
  }
  const org = await repo.findOrganisation(ctx.db, body.organisationId);
  if (!org) throw fieldError('organisationId', 'no such organisation');
  if (org.status !== 'member')
    throw fieldError('organisationId', 'the organisation is not a member of the network');
  const participantIds = await checkMembers(ctx.db, org.id, body.participantIds, 'participantIds');
  const id = await ctx.db.transaction().execute(async (tx) => {
    const { id } = await repo.insertEngagement(tx, {
      organisation_id: org.id,
      mentor_user_id: mentorId,
      purpose: body.purpose,
      subject_kind: body.subjectKind,
      subject_name: body.subjectKind === 'organisation' ? null : body.subjectName,
      starts_on: body.startsOn,
      ends_on: body.endsOn,
      created_by: me.userId,
    });
    await repo.addParticipants(tx, id, participantIds, me.userId);
    await recordAudit(tx, {
      entityType: ENTITY,
      entityId: id,
      action: 'created',
      toStatus: 'active',
      actorUserId: me.userId,
    });
    await notify(tx, {
      userIds: [...participantIds, mentorId].filter((u) => u !== me.userId),
      kind: 'mentoring.engagement_started',
      link: MENTORING_WEB_PATHS.engagement(id),
      text: texts.engagementStarted(org.name),
    });
    return id;
  });
  return getEngagement(ctx, me, id);
}

export async function updateEngagement(
  ctx: AppContext,
  actor: Actor | null,
  id: string,
  body: UpdateEngagementBody,
): Promise<EngagementDetail> {
  const a = await access(ctx.db, actor, id);
  mustManage(a);
  const startsOn = body.startsOn ?? a.e.starts_on;
  const endsOn = body.endsOn === undefined ? a.e.ends_on : body.endsOn;
  if (endsOn && endsOn < startsOn) throw fieldError('endsOn', 'must not be before startsOn');
  const kind = body.subjectKind ?? a.e.subject_kind;
  const name = body.subjectName === undefined ? a.e.subject_name : body.subjectName;
  if (kind !== 'organisation' && !(name ?? '').trim())
    throw fieldError('subjectName', 'name the project, consortium or team');
  return ctx.db.transaction().execute(async (tx) => {
    const locked = await repo.lockEngagement(tx, id);
    if (!locked) throw new AppError('NOT_FOUND', 'No such engagement');
    await repo.updateEngagement(tx, id, {
      ...(body.purpose ? { purpose: body.purpose } : {}),
      subject_kind: kind,
      subject_name: kind === 'organisation' ? null : name,
      starts_on: startsOn,
      ends_on: endsOn,
      ...(body.status ? { status: body.status } : {}),
    });
    if (body.status && body.status !== locked.status) {
      await recordAudit(tx, {
        entityType: ENTITY,
        entityId: id,
        action: 'status_changed',
        fromStatus: locked.status,
        toStatus: body.status,
        note: body.note ?? null,
        actorUserId: a.me.userId,
      });
    }
    return reload(tx, a);
  });
}

export async function candidates(ctx: AppContext, actor: Actor | null, id: string): Promise<CandidateList> {
  const a = await access(ctx.db, actor, id);
  if (!can(a).editParticipants)
    throw new AppError('FORBIDDEN', 'Only the mentor, the organisation’s admin or staff');
  const [members, participants] = await Promise.all([
    repo.organisationMembers(ctx.db, a.e.organisation_id),
    repo.participantsOf(ctx.db, id),
  ]);
  const inside = new Set(participants.map((p) => p.id));
  return {
    items: members.map((m) => ({ id: m.id, name: m.name, role: m.role, participant: inside.has(m.id) })),
  };
}

export async function addParticipant(
  ctx: AppContext,
  actor: Actor | null,
  id: string,
  userId: string,
): Promise<EngagementDetail> {
  const a = await access(ctx.db, actor, id);
  if (!can(a).editParticipants)
    throw new AppError('FORBIDDEN', 'Only the mentor, the organisation’s admin or staff');
  mustBeActive(a);
  await checkMembers(ctx.db, a.e.organisation_id, [userId], 'userId');
  return ctx.db.transaction().execute(async (tx) => {
    const added = await repo.addParticipants(tx, id, [userId], a.me.userId);
    if (added.length === 0) throw new AppError('CONFLICT', 'Already a participant');
    const names = await repo.namesOf(tx, [userId]);
    await recordAudit(tx, {
      entityType: ENTITY,
      entityId: id,
      action: 'participant_added',
      note: names.get(userId) ?? null,
      actorUserId: a.me.userId,
    });
    if (userId !== a.me.userId) {
      await notify(tx, {
        userIds: [userId],
        kind: 'mentoring.engagement_started',
        link: MENTORING_WEB_PATHS.engagement(id),
        text: texts.engagementStarted(a.e.organisation_name),
      });
    }
    return reload(tx, a);
  });
}

export async function removeParticipant(
  ctx: AppContext,
  actor: Actor | null,
  id: string,
  userId: string,
): Promise<EngagementDetail> {
  const a = await access(ctx.db, actor, id);
  if (!can(a).editParticipants)
    throw new AppError('FORBIDDEN', 'Only the mentor, the organisation’s admin or staff');
  return ctx.db.transaction().execute(async (tx) => {
    const names = await repo.namesOf(tx, [userId]);
    if (!(await repo.removeParticipant(tx, id, userId))) throw new AppError('NOT_FOUND', 'Not a participant');
    await recordAudit(tx, {
      entityType: ENTITY,
      entityId: id,
      action: 'participant_removed',
      note: names.get(userId) ?? null,
      actorUserId: a.me.userId,
    });
    return reload(tx, a);
  });
}

// ---------------------------------------------------------------------------------------------------------
// Sessions

/** The people a session or an action can involve: the mentor and the engagement's participants. */
async function sideIds(db: DbOrTx, a: Access): Promise<Set<string>> {
  const ps = await repo.participantsOf(db, a.e.id);
  return new Set([a.e.mentor_user_id, ...ps.map((p) => p.id)]);
}

export async function listEngagementSessions(ctx: AppContext, actor: Actor | null, id: string) {
  const a = await access(ctx.db, actor, id);
  const rows = await repo.sessionsOf(ctx.db, id);
  return { items: await sessionDtos(ctx.db, rows, () => can(a).seePrivate), nextCursor: null };
}

async function insertActionsAndNotify(
  tx: Tx,
  a: Access,
  sessionId: string | null,
  actions: Array<{ text: string; ownerUserId: string; dueOn: string }>,
) {
  const rows = await repo.insertActions(
    tx,
    actions.map((x) => ({
      engagement_id: a.e.id,
      session_id: sessionId,
      text: x.text,
      owner_user_id: x.ownerUserId,
      due_on: x.dueOn,
      created_by: a.me.userId,
    })),
  );
  // An action created already past due is announced as overdue now, and never again by the job.
  await repo.markOverdueNotified(
    tx,
    rows.filter((r) => r.overdue).map((r) => r.id),
  );
  for (const r of rows) {
    if (r.owner_user_id === a.me.userId) continue;
    await notify(tx, {
      userIds: [r.owner_user_id],
      kind: r.overdue ? 'mentoring.action_overdue' : 'mentoring.action_assigned',
      link: MENTORING_WEB_PATHS.engagement(a.e.id),
      text: r.overdue ? texts.actionOverdue(r.text, r.due_on) : texts.actionAssigned(r.text, r.due_on),
    });
  }
  return rows;
}

export async function createSession(
  ctx: AppContext,
  actor: Actor | null,
  id: string,
  body: SessionBody,
  now = new Date(),
): Promise<MentoringSession> {
  const a = await access(ctx.db, actor, id);
  mustManage(a);
  mustBeActive(a);
  const side = await sideIds(ctx.db, a);
  const participantIds = body.participantIds.length > 0 ? [...new Set(body.participantIds)] : [...side];
  if (participantIds.some((p) => !side.has(p))) {
    throw fieldError('participantIds', 'only the mentor and the engagement’s participants');
  }
  body.actions.forEach((x, i) => {
    if (!side.has(x.ownerUserId))
      throw fieldError(`actions.${i}.ownerUserId`, 'the owner must take part in the engagement');
  });
  const sessionId = await ctx.db.transaction().execute(async (tx) => {
    if (body.requestId) {
      const r = await repo.lockRequest(tx, body.requestId);
      if (!r || r.engagement_id !== id) throw fieldError('requestId', 'no such request in this engagement');
      if (r.status !== 'open') throw new AppError('INVALID_STATE', `The request is already ${r.status}`);
    }
    const { id: sessionId } = await repo.insertSession(tx, {
      engagement_id: id,
      starts_at: new Date(body.startsAt),
      time_zone: body.timeZone,
      duration_minutes: body.durationMinutes,
      format: body.format,
      location: body.location,
      participant_ids: participantIds,
      notes: body.notes,
      strengths: body.strengths,
      critical_issues: body.criticalIssues,
      request_id: body.requestId ?? null,
      created_by: a.me.userId,
    });
    if (body.requestId) {
      await repo.updateRequest(tx, body.requestId, { status: 'scheduled', session_id: sessionId });
      await recordAudit(tx, {
        entityType: ENTITY,
        entityId: id,
        action: 'request_scheduled',
        fromStatus: 'open',
        toStatus: 'scheduled',
        actorUserId: a.me.userId,
      });
    }
    const upcoming = Date.parse(body.startsAt) > now.getTime();
    const told = new Set(participantIds);
    if (body.requestId) {
      const r = await repo.lockRequest(tx, body.requestId);
      if (r?.requested_by) told.add(r.requested_by);
    }
    told.delete(a.me.userId);
    await notify(tx, {
      userIds: [...told],
      kind: upcoming ? 'mentoring.session_scheduled' : 'mentoring.session_recorded',
      link: MENTORING_WEB_PATHS.engagement(id),
      text: upcoming
        ? texts.sessionScheduled(a.e.organisation_name, body.startsAt, body.timeZone)
        : texts.sessionRecorded(a.e.organisation_name),
    });
    await insertActionsAndNotify(tx, a, sessionId, body.actions);
    return sessionId;
  });
  const row = await repo.findSession(ctx.db, sessionId);
  return (await sessionDtos(ctx.db, [row as repo.SessionRow], () => true))[0] as MentoringSession;
}

export async function updateSession(
  ctx: AppContext,
  actor: Actor | null,
  id: string,
  sessionId: string,
  body: UpdateSessionBody,
): Promise<MentoringSession> {
  const a = await access(ctx.db, actor, id);
  const s = await repo.findSession(ctx.db, sessionId);
  if (!s || s.engagement_id !== id) throw new AppError('NOT_FOUND', 'No such session');
  mustManage(a);
  if (body.participantIds) {
    const side = await sideIds(ctx.db, a);
    if (body.participantIds.some((p) => !side.has(p))) {
      throw fieldError('participantIds', 'only the mentor and the engagement’s participants');
    }
  }
  await repo.updateSession(ctx.db, sessionId, {
    ...(body.startsAt ? { starts_at: new Date(body.startsAt) } : {}),
    ...(body.timeZone ? { time_zone: body.timeZone } : {}),
    ...(body.durationMinutes ? { duration_minutes: body.durationMinutes } : {}),
    ...(body.format ? { format: body.format } : {}),
    ...(body.location !== undefined ? { location: body.location } : {}),
    ...(body.participantIds ? { participant_ids: [...new Set(body.participantIds)] } : {}),
    ...(body.notes !== undefined ? { notes: body.notes } : {}),
    ...(body.strengths !== undefined ? { strengths: body.strengths } : {}),
    ...(body.criticalIssues !== undefined ? { critical_issues: body.criticalIssues } : {}),
  });
  const row = (await repo.findSession(ctx.db, sessionId)) as repo.SessionRow;
  return (await sessionDtos(ctx.db, [row], () => true))[0] as MentoringSession;
}

export async function listSessions(
  ctx: AppContext,
  actor: Actor | null,
  q: SessionListQuery,
): Promise<SessionList> {
  const me = mustLogIn(actor);
  const after = decode<{ t: string; id: string }>(q.cursor, (v) => isInstant(v.t));
  const rows = await repo.listSessions(ctx.db, viewerOf(me), {
    upcoming: q.upcoming,
    after: after ? { at: new Date(after.t), id: after.id } : undefined,
    limit: q.limit + 1,
  });
  const page = rows.slice(0, q.limit);
  // Notes never travel in cross-engagement lists: they are read on the engagement's page.
  const items = await sessionDtos(ctx.db, page, () => false);
  const last = page[page.length - 1];
  return {
    items,
    nextCursor: rows.length > q.limit && last ? encode({ t: iso(last.starts_at), id: last.id }) : null,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Actions

export async function listEngagementActions(
  ctx: AppContext,
  actor: Actor | null,
  id: string,
): Promise<ActionList> {
  await access(ctx.db, actor, id);
  return { items: (await repo.actionsOf(ctx.db, id)).map(toAction), nextCursor: null };
}

export async function createAction(
  ctx: AppContext,
  actor: Actor | null,
  id: string,
  body: ActionBody,
): Promise<MentoringAction> {
  const a = await access(ctx.db, actor, id);
  mustManage(a);
  mustBeActive(a);
  const side = await sideIds(ctx.db, a);
  if (!side.has(body.ownerUserId))
    throw fieldError('ownerUserId', 'the owner must take part in the engagement');
  if (body.sessionId) {
    const s = await repo.findSession(ctx.db, body.sessionId);
    if (!s || s.engagement_id !== id) throw fieldError('sessionId', 'no such session in this engagement');
  }
  const [row] = await ctx.db
    .transaction()
    .execute((tx) => insertActionsAndNotify(tx, a, body.sessionId ?? null, [body]));
  return toAction((await repo.findAction(ctx.db, (row as { id: string }).id)) as repo.ActionRow);
}

export async function updateAction(
  ctx: AppContext,
  actor: Actor | null,
  id: string,
  actionId: string,
  status: 'open' | 'done',
): Promise<MentoringAction> {
  const a = await access(ctx.db, actor, id);
  const action = await repo.findAction(ctx.db, actionId);
  if (!action || action.engagement_id !== id) throw new AppError('NOT_FOUND', 'No such action');
  if (!can(a).manage && action.owner_user_id !== a.me.userId) {
    throw new AppError('FORBIDDEN', 'Only the owner, the mentor or staff update an action');
  }
  if (action.status !== status) {
    await ctx.db.transaction().execute(async (tx) => {
      await repo.setActionStatus(tx, actionId, status);
      await recordAudit(tx, {
        entityType: 'mentoring_action',
        entityId: actionId,
        action: 'status_changed',
        fromStatus: action.status,
        toStatus: status,
        actorUserId: a.me.userId,
      });
    });
  }
  return toAction((await repo.findAction(ctx.db, actionId)) as repo.ActionRow);
}

export async function listActions(
  ctx: AppContext,
  actor: Actor | null,
  q: ActionListQuery,
): Promise<ActionList> {
  const me = mustLogIn(actor);
  const after = decode<{ d: string; id: string }>(q.cursor, (v) => isDay(v.d));
  const rows = await repo.listActions(ctx.db, viewerOf(me), {
    overdue: q.overdue,
    status: q.status,
    after: after ? { dueOn: after.d, id: after.id } : undefined,
    limit: q.limit + 1,
  });
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(toAction),
    nextCursor: rows.length > q.limit && last ? encode({ d: last.due_on, id: last.id }) : null,
  };
}

/**
 * Job: tell each owner once that their action became overdue. The flag is set in the job's transaction,
 * together with the notification, so a crash or a second process never tells anyone twice.
 */
export async function notifyOverdueActions(tx: Tx): Promise<number> {
  let total = 0;
  for (;;) {
    const due = await repo.claimNewlyOverdue(tx, 500);
    if (due.length === 0) return total;
    for (const r of due) {
      await notify(tx, {
        userIds: [r.owner_user_id],
        kind: 'mentoring.action_overdue',
        link: MENTORING_WEB_PATHS.engagement(r.engagement_id),
        text: texts.actionOverdue(r.text, r.due_on),
      });
    }
    await repo.markOverdueNotified(
      tx,
      due.map((r) => r.id),
    );
    total += due.length;
    if (due.length < 500) return total;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Requests

export async function listRequests(ctx: AppContext, actor: Actor | null, id: string) {
  await access(ctx.db, actor, id);
  return { items: (await repo.requestsOf(ctx.db, id)).map(toRequest) };
}

export async function createRequest(
  ctx: AppContext,
  actor: Actor | null,
  id: string,
  body: RequestBody,
): Promise<SessionRequest> {
  const a = await access(ctx.db, actor, id);
  mustBeActive(a);
  if (!can(a).request) {
    throw new AppError(
      'FORBIDDEN',
      'Only the organisation’s admins, operators and participants request sessions',
    );
  }
  const reqId = await ctx.db.transaction().execute(async (tx) => {
    const { id: reqId } = await repo.insertRequest(tx, {
      engagement_id: id,
      requested_by: a.me.userId,
      topic: body.topic,
      preferred_dates: [...new Set(body.preferredDates)].sort(),
      note: body.note,
    });
    await recordAudit(tx, {
      entityType: ENTITY,
      entityId: id,
      action: 'request_created',
      toStatus: 'open',
      note: body.topic,
      actorUserId: a.me.userId,
    });
    await notify(tx, {
      userIds: [a.e.mentor_user_id].filter((u) => u !== a.me.userId),
      kind: 'mentoring.request_created',
      link: MENTORING_WEB_PATHS.engagement(id),
      text: texts.requestCreated(a.e.organisation_name, body.topic),
    });
    return reqId;
  });
  const rows = await repo.requestsOf(ctx.db, id);
  return toRequest(rows.find((r) => r.id === reqId) as repo.RequestRow);
}

export async function declineRequest(
  ctx: AppContext,
  actor: Actor | null,
  id: string,
  requestId: string,
  reason: string,
): Promise<SessionRequest> {
  const a = await access(ctx.db, actor, id);
  mustManage(a);
  await ctx.db.transaction().execute(async (tx) => {
    const r = await repo.lockRequest(tx, requestId);
    if (!r || r.engagement_id !== id) throw new AppError('NOT_FOUND', 'No such request');
    if (r.status !== 'open') throw new AppError('INVALID_STATE', `The request is already ${r.status}`);
    await repo.updateRequest(tx, requestId, { status: 'declined', reason });
    await recordAudit(tx, {
      entityType: ENTITY,
      entityId: id,
      action: 'request_declined',
      fromStatus: 'open',
      toStatus: 'declined',
      note: r.topic,
      actorUserId: a.me.userId,
    });
    if (r.requested_by && r.requested_by !== a.me.userId) {
      await notify(tx, {
        userIds: [r.requested_by],
        kind: 'mentoring.request_declined',
        link: MENTORING_WEB_PATHS.engagement(id),
        text: texts.requestDeclined(r.topic, reason),
      });
    }
  });
  const rows = await repo.requestsOf(ctx.db, id);
  return toRequest(rows.find((r) => r.id === requestId) as repo.RequestRow);
}
