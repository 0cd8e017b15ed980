// HTTP routes of mentoring and supervision: engagements, participants, sessions, actions, requests.
import { z } from 'zod';
import { ERROR_RESPONSES } from '../../../shared/errors.js';
import {
  ActionBody,
  ActionList,
  ActionListQuery,
  CandidateList,
  CreateEngagementBody,
  DeclineBody,
  EngagementDetail,
  EngagementList,
  EngagementListQuery,
  MentoringAction,
  MentoringSession,
  ParticipantBody,
  RequestBody,
  RequestList,
  SessionBody,
  SessionList,
  SessionListQuery,
  SessionRequest,
  UpdateActionBody,
  UpdateEngagementBody,
  UpdateSessionBody,
} from '../../../shared/mentoring.js';
import type { AppContext, ZodApp } from '../../context.js';
import * as service from './mentoring.service.js';

const tags = ['mentoring'];
const base = '/api/v1/mentoring/engagements';
const IdParams = z.object({ id: z.uuid() });
const errors = ERROR_RESPONSES;

export function mentoringRoutes(app: ZodApp, ctx: AppContext): void {
  app.get(
    base,
    {
      schema: {
        tags,
        summary: 'Engagements I mentor, take part in or whose organisation I belong to (staff: all)',
        querystring: EngagementListQuery,
        response: { 200: EngagementList, ...errors },
      },
    },
    async (req) => service.listEngagements(ctx, req.actor, req.query),
  );

  app.post(
    base,
    {
      schema: {
        tags,
        summary: 'Start an engagement with an organisation (experts as mentor, staff)',
        body: CreateEngagementBody,
        response: { 201: EngagementDetail, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createEngagement(ctx, req.actor, req.body)),
  );

  app.get(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: 'An engagement with participants, sessions, requests, actions and timeline',
        params: IdParams,
        response: { 200: EngagementDetail, ...errors },
      },
    },
    async (req) => service.getEngagement(ctx, req.actor, req.params.id),
  );

  app.patch(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: 'Change or close an engagement (mentor, staff)',
        params: IdParams,
        body: UpdateEngagementBody,
        response: { 200: EngagementDetail, ...errors },
      },
    },
    async (req) => service.updateEngagement(ctx, req.actor, req.params.id, req.body),
  );

  app.get(
    `${base}/:id/candidates`,
    {
      schema: {
        tags,
        summary: 'People of the organisation who can take part (mentor, org admin, staff)',
        params: IdParams,
        response: { 200: CandidateList, ...errors },
      },
    },
    async (req) => service.candidates(ctx, req.actor, req.params.id),
  );

  app.post(
    `${base}/:id/participants`,
    {
      schema: {
        tags,
        summary: 'Add a person of the organisation as participant (mentor, org admin, staff)',
        params: IdParams,
        body: ParticipantBody,
        response: { 200: EngagementDetail, ...errors },
      },
    },
    async (req) => service.addParticipant(ctx, req.actor, req.params.id, req.body.userId),
  );

  app.delete(
    `${base}/:id/participants/:userId`,
    {
      schema: {
        tags,
        summary: 'Remove a participant (mentor, org admin, staff)',
        params: IdParams.extend({ userId: z.uuid() }),
        response: { 200: EngagementDetail, ...errors },
      },
    },
    async (req) => service.removeParticipant(ctx, req.actor, req.params.id, req.params.userId),
  );

  app.get(
    `${base}/:id/sessions`,
    {
      schema: {
        tags,
        summary: 'Sessions of an engagement (notes only for participants and staff)',
        params: IdParams,
        response: { 200: SessionList, ...errors },
      },
    },
    async (req) => service.listEngagementSessions(ctx, req.actor, req.params.id),
  );

  app.post(
    `${base}/:id/sessions`,
    {
      schema: {
        tags,
        summary: 'Record or schedule a session, with follow-up actions (mentor, staff)',
        params: IdParams,
        body: SessionBody,
        response: { 201: MentoringSession, ...errors },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await service.createSession(ctx, req.actor, req.params.id, req.body)),
  );

  app.patch(
    `${base}/:id/sessions/:sessionId`,
    {
      schema: {
        tags,
        summary: 'Change a session, its notes, strengths and critical issues (mentor, staff)',
        params: IdParams.extend({ sessionId: z.uuid() }),
        body: UpdateSessionBody,
        response: { 200: MentoringSession, ...errors },
      },
    },
    async (req) => service.updateSession(ctx, req.actor, req.params.id, req.params.sessionId, req.body),
  );

  app.get(
    `${base}/:id/requests`,
    {
      schema: {
        tags,
        summary: 'Session requests of an engagement',
        params: IdParams,
        response: { 200: RequestList, ...errors },
      },
    },
    async (req) => service.listRequests(ctx, req.actor, req.params.id),
  );

  app.post(
    `${base}/:id/requests`,
    {
      schema: {
        tags,
        summary: 'Request a session (the organisation’s admins, operators, participants)',
        params: IdParams,
        body: RequestBody,
        response: { 201: SessionRequest, ...errors },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await service.createRequest(ctx, req.actor, req.params.id, req.body)),
  );

  app.post(
    `${base}/:id/requests/:requestId/decline`,
    {
      schema: {
        tags,
        summary: 'Decline a session request (mentor, staff)',
        params: IdParams.extend({ requestId: z.uuid() }),
        body: DeclineBody,
        response: { 200: SessionRequest, ...errors },
      },
    },
    async (req) =>
      service.declineRequest(ctx, req.actor, req.params.id, req.params.requestId, req.body.reason),
  );

  app.get(
    `${base}/:id/actions`,
    {
      schema: {
        tags,
        summary: 'Follow-up actions of an engagement',
        params: IdParams,
        response: { 200: ActionList, ...errors },
      },
    },
    async (req) => service.listEngagementActions(ctx, req.actor, req.params.id),
  );

  app.post(
    `${base}/:id/actions`,
    {
      schema: {
        tags,
        summary: 'Add a follow-up action (mentor, staff)',
        params: IdParams,
        body: ActionBody,
        response: { 201: MentoringAction, ...errors },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await service.createAction(ctx, req.actor, req.params.id, req.body)),
  );

  app.patch(
    `${base}/:id/actions/:actionId`,
    {
      schema: {
        tags,
        summary: 'Mark an action done or open again (its owner, mentor, staff)',
        params: IdParams.extend({ actionId: z.uuid() }),
        body: UpdateActionBody,
        response: { 200: MentoringAction, ...errors },
      },
    },
    async (req) => service.updateAction(ctx, req.actor, req.params.id, req.params.actionId, req.body.status),
  );

  app.get(
    '/api/v1/mentoring/actions',
    {
      schema: {
        tags,
        summary: 'Actions of the engagements I see, by due date; ?overdue=true for overdue ones',
        querystring: ActionListQuery,
        response: { 200: ActionList, ...errors },
      },
    },
    async (req) => service.listActions(ctx, req.actor, req.query),
  );

  app.get(
    '/api/v1/mentoring/sessions',
    {
      schema: {
        tags,
        summary: 'Sessions of the engagements I see; ?upcoming=false for past ones (no notes here)',
        querystring: SessionListQuery,
        response: { 200: SessionList, ...errors },
      },
    },
    async (req) => service.listSessions(ctx, req.actor, req.query),
  );
}
