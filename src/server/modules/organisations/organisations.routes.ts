// HTTP routes of the organisations module: reference data, directory, profiles, people, applications.

import { z } from 'zod';
import { AuditList } from '../../../shared/audit.js';
import { LocaleSchema } from '../../../shared/auth.js';
import {
  ApplicationCreated,
  ApplicationDetail,
  ApplicationInput,
  ApplicationList,
  ApplicationListQuery,
  ApplicationTokenQuery,
  ApproveBody,
  DirectoryQuery,
  DirectoryResponse,
  MeetingInput,
  MeetingList,
  MemberInvite,
  MemberList,
  MemberRoleUpdate,
  OptionalNoteBody,
  OrganisationUpdate,
  OrgDetail,
  ReferenceResponse,
  RequiredNoteBody,
} from '../../../shared/organisations.js';
import type { AppContext, ZodApp } from '../../context.js';
import * as apps from './applications.service.js';
import * as orgs from './organisations.service.js';

const SlugParams = z.object({ slug: z.string().min(1).max(120) });
const MemberParams = SlugParams.extend({ userId: z.uuid() });
const IdParams = z.object({ id: z.uuid() });
const LangQuery = z.object({ lang: LocaleSchema.optional() });
const ReviewResult = z.object({
  id: z.uuid(),
  status: z.enum(['approved', 'rejected', 'changes_requested']),
});

export function organisationsRoutes(app: ZodApp, ctx: AppContext): void {
  app.get(
    '/api/v1/reference',
    {
      schema: {
        tags: ['organisations'],
        summary:
          'Reference data: regions, provinces, fields of activity, kinds, legal forms, modules, languages',
        response: { 200: ReferenceResponse },
      },
    },
    async () => orgs.reference(ctx),
  );

  app.get(
    '/api/v1/organizations',
    {
      schema: {
        tags: ['organisations'],
        summary: 'Public member directory with search, filters and facet counts',
        querystring: DirectoryQuery,
        response: { 200: DirectoryResponse },
      },
    },
    // The service returns the body already serialised (and cached): a string with a JSON content type
    // is sent as is, so the response schema documents the body without re-serialising it per request.
    async (req, reply) =>
      reply
        .type('application/json; charset=utf-8')
        .send(
          (await orgs.directoryJson(ctx, req.actor, req.query)) as unknown as z.infer<
            typeof DirectoryResponse
          >,
        ),
  );

  app.get(
    '/api/v1/organizations/:slug',
    {
      schema: {
        tags: ['organisations'],
        summary: 'An organisation (public if a visible member; its people and staff always)',
        params: SlugParams,
        querystring: LangQuery,
        response: { 200: OrgDetail },
      },
    },
    async (req) => orgs.organisationDetail(ctx, req.actor, req.params.slug, req.query.lang),
  );

  app.patch(
    '/api/v1/organizations/:slug',
    {
      schema: {
        tags: ['organisations'],
        summary: 'Edit the profile (organisation admin or staff)',
        params: SlugParams,
        body: OrganisationUpdate,
        response: { 200: OrgDetail },
      },
    },
    async (req) => orgs.updateProfile(ctx, req.actor, req.params.slug, req.body),
  );

  app.get(
    '/api/v1/organizations/:slug/members',
    {
      schema: {
        tags: ['organisations'],
        summary: "The organisation's people (its members and staff)",
        params: SlugParams,
        response: { 200: MemberList },
      },
    },
    async (req) => ({ items: await orgs.listPeople(ctx, req.actor, req.params.slug) }),
  );

  app.post(
    '/api/v1/organizations/:slug/members',
    {
      schema: {
        tags: ['organisations'],
        summary: 'Invite a colleague by email (organisation admin or staff)',
        params: SlugParams,
        body: MemberInvite,
        response: { 201: MemberList },
      },
    },
    async (req, reply) =>
      reply.status(201).send({ items: await orgs.invitePerson(ctx, req.actor, req.params.slug, req.body) }),
  );

  app.patch(
    '/api/v1/organizations/:slug/members/:userId',
    {
      schema: {
        tags: ['organisations'],
        summary: "Change a person's role (the last organisation admin cannot be demoted)",
        params: MemberParams,
        body: MemberRoleUpdate,
        response: { 200: MemberList },
      },
    },
    async (req) => ({
      items: await orgs.changePersonRole(ctx, req.actor, req.params.slug, req.params.userId, req.body.role),
    }),
  );

  app.delete(
    '/api/v1/organizations/:slug/members/:userId',
    {
      schema: {
        tags: ['organisations'],
        summary: 'Remove a person (the last organisation admin cannot be removed)',
        params: MemberParams,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await orgs.removePerson(ctx, req.actor, req.params.slug, req.params.userId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/organizations/:slug/leave',
    {
      schema: {
        tags: ['organisations'],
        summary: 'Leave the network (organisation admin)',
        params: SlugParams,
        response: { 200: OrgDetail },
      },
    },
    async (req) => orgs.leaveNetwork(ctx, req.actor, req.params.slug),
  );

  app.post(
    '/api/v1/organizations/:slug/suspend',
    {
      schema: {
        tags: ['organisations'],
        summary: 'Suspend a member (staff)',
        params: SlugParams,
        body: OptionalNoteBody,
        response: { 200: OrgDetail },
      },
    },
    async (req) => orgs.suspendOrganisation(ctx, req.actor, req.params.slug, req.body.note),
  );

  app.post(
    '/api/v1/organizations/:slug/reinstate',
    {
      schema: {
        tags: ['organisations'],
        summary: 'Reinstate a suspended member (staff)',
        params: SlugParams,
        body: OptionalNoteBody,
        response: { 200: OrgDetail },
      },
    },
    async (req) => orgs.reinstateOrganisation(ctx, req.actor, req.params.slug, req.body.note),
  );

  app.get(
    '/api/v1/organizations/:slug/audit',
    {
      schema: {
        tags: ['organisations'],
        summary: 'Audit log of the organisation and its applications (staff)',
        params: SlugParams,
        response: { 200: AuditList },
      },
    },
    async (req) => ({ items: await orgs.organisationAudit(ctx, req.actor, req.params.slug) }),
  );

  app.get(
    '/api/v1/organizations/:slug/meetings',
    {
      schema: {
        tags: ['organisations'],
        summary: 'Introductory meetings (staff)',
        params: SlugParams,
        response: { 200: MeetingList },
      },
    },
    async (req) => ({ items: await orgs.listOrganisationMeetings(ctx, req.actor, req.params.slug) }),
  );

  app.post(
    '/api/v1/organizations/:slug/meetings',
    {
      schema: {
        tags: ['organisations'],
        summary: 'Record an introductory meeting (staff)',
        params: SlugParams,
        body: MeetingInput,
        response: { 201: MeetingList },
      },
    },
    async (req, reply) =>
      reply.status(201).send({ items: await orgs.recordMeeting(ctx, req.actor, req.params.slug, req.body) }),
  );

  app.post(
    '/api/v1/applications',
    {
      schema: {
        tags: ['applications'],
        summary: 'Apply to join the network (public)',
        body: ApplicationInput,
        response: { 201: ApplicationCreated },
      },
    },
    async (req, reply) => reply.status(201).send(await apps.apply(ctx, req.body)),
  );

  app.get(
    '/api/v1/applications',
    {
      schema: {
        tags: ['applications'],
        summary: 'Review queue with counts by status (staff)',
        querystring: ApplicationListQuery,
        response: { 200: ApplicationList },
      },
    },
    async (req) => apps.listApplicationsForStaff(ctx, req.actor, req.query.status),
  );

  app.get(
    '/api/v1/applications/:id',
    {
      schema: {
        tags: ['applications'],
        summary: 'An application (staff, or the applicant with the edit token)',
        params: IdParams,
        querystring: ApplicationTokenQuery,
        response: { 200: ApplicationDetail },
      },
    },
    async (req) => apps.applicationDetail(ctx, req.actor, req.params.id, req.query.token),
  );

  app.put(
    '/api/v1/applications/:id',
    {
      schema: {
        tags: ['applications'],
        summary: 'Resubmit an application after a change request (applicant, with the edit token)',
        params: IdParams,
        querystring: ApplicationTokenQuery,
        body: ApplicationInput,
        response: { 200: ApplicationCreated },
      },
    },
    async (req) => apps.resubmitApplication(ctx, req.params.id, req.query.token, req.body),
  );

  app.post(
    '/api/v1/applications/:id/approve',
    {
      schema: {
        tags: ['applications'],
        summary: 'Approve: the organisation becomes a member and its contact its admin (staff)',
        params: IdParams,
        body: ApproveBody,
        response: { 200: ReviewResult },
      },
    },
    async (req) => apps.approveApplication(ctx, req.actor, req.params.id, req.body.note),
  );

  app.post(
    '/api/v1/applications/:id/reject',
    {
      schema: {
        tags: ['applications'],
        summary: 'Reject with a reason (staff)',
        params: IdParams,
        body: RequiredNoteBody,
        response: { 200: ReviewResult },
      },
    },
    async (req) => apps.rejectApplication(ctx, req.actor, req.params.id, req.body.note),
  );

  app.post(
    '/api/v1/applications/:id/request-changes',
    {
      schema: {
        tags: ['applications'],
        summary: 'Ask the applicant for changes; it gets a link to edit and resubmit (staff)',
        params: IdParams,
        body: RequiredNoteBody,
        response: { 200: ReviewResult },
      },
    },
    async (req) => apps.requestChanges(ctx, req.actor, req.params.id, req.body.note),
  );
}
