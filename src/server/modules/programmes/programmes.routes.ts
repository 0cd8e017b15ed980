// HTTP routes of programmes: public reads, staff-only writes.
import { z } from 'zod';
import { ErrorBody } from '../../../shared/errors.js';
import {
  AddProgrammeOrganisationBody,
  AddProgrammeStaffBody,
  CreateProgrammeBody,
  ProgrammeDetail,
  ProgrammeList,
  ProgrammeStaffRoleSchema,
  UpdateProgrammeBody,
} from '../../../shared/programmes.js';
import type { AppContext, ZodApp } from '../../context.js';
import * as service from './programmes.service.js';

const tags = ['programmes'];
const SlugParams = z.object({ slug: z.string().min(1).max(200) });
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };

export function programmesRoutes(app: ZodApp, ctx: AppContext): void {
  app.get(
    '/api/v1/programmes',
    { schema: { tags, summary: 'List programmes and editions', response: { 200: ProgrammeList } } },
    async () => service.listProgrammes(ctx.db),
  );

  app.post(
    '/api/v1/programmes',
    {
      schema: {
        tags,
        summary: 'Create a programme or an edition (staff)',
        body: CreateProgrammeBody,
        response: { 201: ProgrammeDetail, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createProgramme(ctx.db, req.actor, req.body)),
  );

  app.get(
    '/api/v1/programmes/:slug',
    {
      schema: {
        tags,
        summary: 'A programme with its editions, staff and participating organisations',
        params: SlugParams,
        response: { 200: ProgrammeDetail, 404: ErrorBody },
      },
    },
    async (req) => service.getProgramme(ctx.db, req.actor, req.params.slug),
  );

  app.patch(
    '/api/v1/programmes/:slug',
    {
      schema: {
        tags,
        summary: 'Change a programme (staff)',
        params: SlugParams,
        body: UpdateProgrammeBody,
        response: { 200: ProgrammeDetail, ...errors },
      },
    },
    async (req) => service.updateProgramme(ctx.db, req.actor, req.params.slug, req.body),
  );

  app.post(
    '/api/v1/programmes/:slug/staff',
    {
      schema: {
        tags,
        summary: 'Give a person a role in a programme (staff)',
        params: SlugParams,
        body: AddProgrammeStaffBody,
        response: { 200: ProgrammeDetail, ...errors },
      },
    },
    async (req) => service.addProgrammeStaff(ctx.db, req.actor, req.params.slug, req.body),
  );

  app.delete(
    '/api/v1/programmes/:slug/staff/:userId/:role',
    {
      schema: {
        tags,
        summary: "Remove a person's role in a programme (staff)",
        params: SlugParams.extend({ userId: z.uuid(), role: ProgrammeStaffRoleSchema }),
        response: { 204: z.null(), ...errors },
      },
    },
    async (req, reply) => {
      await service.removeProgrammeStaff(
        ctx.db,
        req.actor,
        req.params.slug,
        req.params.userId,
        req.params.role,
      );
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/programmes/:slug/organisations',
    {
      schema: {
        tags,
        summary: 'Add a participating organisation (staff)',
        params: SlugParams,
        body: AddProgrammeOrganisationBody,
        response: { 200: ProgrammeDetail, ...errors },
      },
    },
    async (req) => service.addProgrammeOrganisation(ctx.db, req.actor, req.params.slug, req.body),
  );

  app.delete(
    '/api/v1/programmes/:slug/organisations/:organisationSlug',
    {
      schema: {
        tags,
        summary: 'Remove a participating organisation (staff)',
        params: SlugParams.extend({ organisationSlug: z.string().min(1).max(200) }),
        response: { 204: z.null(), ...errors },
      },
    },
    async (req, reply) => {
      await service.removeProgrammeOrganisation(
        ctx.db,
        req.actor,
        req.params.slug,
        req.params.organisationSlug,
      );
      return reply.status(204).send(null);
    },
  );
}
