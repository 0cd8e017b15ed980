// HTTP routes of events: calendar and event pages, registrations, check-in, after-event work, iCalendar feeds.

import QRCode from 'qrcode';
import { z } from 'zod';
import { AuditList } from '../../../shared/audit.js';
import { LocaleSchema, OkResponse } from '../../../shared/auth.js';
import { ERROR_RESPONSES, ErrorBody } from '../../../shared/errors.js';
import {
  CalendarFeed,
  CheckinBody,
  CheckinResult,
  CheckinSearch,
  CheckinSearchQuery,
  COVER_MAX_BYTES,
  CoverUploaded,
  CreateEventBody,
  EventDetail,
  EventFigures,
  EventList,
  EventListQuery,
  EventMaterial,
  EventMonth,
  EventMonthQuery,
  EventStatusBody,
  FeedbackBody,
  FeedbackSummary,
  MATERIAL_MAX_BYTES,
  ManagedRegistration,
  MaterialLinkBody,
  MyEventList,
  MyEventsQuery,
  MyRegistration,
  NoShowsResult,
  OrganisationEvents,
  RegisterBody,
  RegisterResult,
  RegistrationList,
  RegistrationListQuery,
  RegistrationRow,
  RegistrationStatusBody,
  TokenBody,
  TokenQuery,
  TrustBody,
  TrustedOrganiserList,
  UpdateEventBody,
  WalkInBody,
} from '../../../shared/events.js';
import type { AppContext, ZodApp } from '../../context.js';
import { AppError } from '../../errors.js';
import { storeImage } from '../files/files.service.js';
import * as calendar from './events.calendar.js';
import { participantsCsv, participantsXlsx } from './events.export.js';
import * as service from './events.service.js';

const tags = ['events'];
const IdParams = z.object({ id: z.uuid() });
const RegParams = IdParams.extend({ registrationId: z.uuid() });
const MaterialParams = IdParams.extend({ materialId: z.uuid() });
const SlugParams = z.object({ slug: z.string().min(1).max(200) });
const LangQuery = z.object({ lang: LocaleSchema.optional() });
const errors = ERROR_RESPONSES;
const ICS = 'text/calendar; charset=utf-8';

/** A file name safe inside a Content-Disposition header, with the UTF-8 form for the rest. */
const disposition = (name: string) =>
  `attachment; filename="${name.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;

export function eventsRoutes(app: ZodApp, ctx: AppContext): void {
  // --- calendar and events -------------------------------------------------------------------------------
  app.get(
    '/api/v1/events',
    {
      schema: {
        tags,
        summary: 'Events the caller may see, with filters, paged by cursor',
        querystring: EventListQuery,
        response: { 200: EventList, 400: ErrorBody },
      },
    },
    async (req) => service.listEvents(ctx, req.actor, req.query),
  );

  app.get(
    '/api/v1/events/month',
    {
      schema: {
        tags,
        summary: 'Events overlapping a month (calendar view)',
        querystring: EventMonthQuery,
        response: { 200: EventMonth, 400: ErrorBody },
      },
    },
    async (req) => service.monthEvents(ctx, req.actor, req.query),
  );

  app.post(
    '/api/v1/events',
    {
      schema: {
        tags,
        summary: 'Create an event (staff) or propose one of your organisation',
        body: CreateEventBody,
        response: { 201: EventDetail, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createEvent(ctx, req.actor, req.body)),
  );

  app.post(
    '/api/v1/events/covers',
    {
      schema: {
        tags,
        summary: 'Upload a cover image (multipart field "file"; PNG, JPEG or WebP up to 5 MB)',
        consumes: ['multipart/form-data'],
        response: { 201: CoverUploaded, 400: ErrorBody, 401: ErrorBody, 413: ErrorBody, 415: ErrorBody },
      },
    },
    async (req, reply) => {
      if (!req.actor) throw new AppError('UNAUTHENTICATED', 'Log in first');
      if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send multipart/form-data');
      const part = await req.file({ limits: { fileSize: COVER_MAX_BYTES } });
      if (part?.fieldname !== 'file') throw new AppError('BAD_REQUEST', 'The field "file" is missing');
      const data = await part.toBuffer();
      const out = await storeImage(ctx, req.actor, data, {
        purpose: 'event_cover',
        box: 1600,
        maxBytes: COVER_MAX_BYTES,
      });
      return reply.status(201).send(out);
    },
  );

  app.get(
    '/api/v1/events/trusted-organisers',
    {
      schema: {
        tags,
        summary: 'Organisations whose events are published without review (staff)',
        response: { 200: TrustedOrganiserList, 401: ErrorBody, 403: ErrorBody },
      },
    },
    async (req) => service.listTrusted(ctx, req.actor),
  );

  app.put(
    '/api/v1/events/trusted-organisers/:slug',
    {
      schema: {
        tags,
        summary: "Trust (or stop trusting) an organisation's events (staff)",
        params: SlugParams,
        body: TrustBody,
        response: { 200: TrustedOrganiserList, ...errors },
      },
    },
    async (req) => service.setTrusted(ctx, req.actor, req.params.slug, req.body.trusted),
  );

  app.get(
    '/api/v1/events/:id',
    {
      schema: {
        tags,
        summary: "An event, with the caller's registration and rights",
        params: IdParams,
        response: { 200: EventDetail, 404: ErrorBody },
      },
    },
    async (req) => service.getEvent(ctx, req.actor, req.params.id),
  );

  app.patch(
    '/api/v1/events/:id',
    {
      schema: {
        tags,
        summary: 'Change an event (staff or its organisers)',
        params: IdParams,
        body: UpdateEventBody,
        response: { 200: EventDetail, ...errors },
      },
    },
    async (req) => service.updateEvent(ctx, req.actor, req.params.id, req.body),
  );

  app.post(
    '/api/v1/events/:id/status',
    {
      schema: {
        tags,
        summary: 'Propose, publish, withdraw or cancel an event',
        params: IdParams,
        body: EventStatusBody,
        response: { 200: EventDetail, ...errors },
      },
    },
    async (req) => service.changeStatus(ctx, req.actor, req.params.id, req.body.status, req.body.note),
  );

  app.get(
    '/api/v1/events/:id/audit',
    {
      schema: {
        tags,
        summary: 'Status history of an event (staff or its organisers)',
        params: IdParams,
        response: { 200: AuditList, ...errors },
      },
    },
    async (req) => service.eventAudit(ctx, req.actor, req.params.id),
  );

  app.get(
    '/api/v1/events/:id/event.ics',
    {
      schema: {
        tags,
        summary: 'Add to calendar: the event as an iCalendar file',
        params: IdParams,
        querystring: LangQuery,
        produces: ['text/calendar'],
      },
    },
    async (req, reply) => {
      const body = await calendar.eventFile(
        ctx,
        req.actor,
        req.params.id,
        req.query.lang ?? req.actor?.locale ?? 'it',
      );
      return reply.type(ICS).header('content-disposition', disposition('event.ics')).send(body);
    },
  );

  // --- registrations -------------------------------------------------------------------------------------
  app.post(
    '/api/v1/events/:id/registrations',
    {
      schema: {
        tags,
        summary: 'Register yourself, a colleague, or (anonymous, public events) a guest',
        params: IdParams,
        body: RegisterBody,
        response: { 200: RegisterResult, 201: RegisterResult, 202: RegisterResult, ...errors },
      },
    },
    async (req, reply) => {
      const { result, status } = await service.register(ctx, req.actor, req.params.id, req.body, {
        ip: req.ip,
      });
      return reply.status(status).send(result);
    },
  );

  app.get(
    '/api/v1/events/:id/registrations',
    {
      schema: {
        tags,
        summary: 'Registrations of an event (staff or its organisers)',
        params: IdParams,
        querystring: RegistrationListQuery,
        response: { 200: RegistrationList, ...errors },
      },
    },
    async (req) => service.listRegistrations(ctx, req.actor, req.params.id, req.query),
  );

  app.patch(
    '/api/v1/events/:id/registrations/:registrationId',
    {
      schema: {
        tags,
        summary: 'Mark attendance by hand (staff or organisers)',
        params: RegParams,
        body: RegistrationStatusBody,
        response: { 200: RegistrationRow, ...errors },
      },
    },
    async (req) => service.setAttendance(ctx, req.actor, req.params.id, req.params.registrationId, req.body),
  );

  app.post(
    '/api/v1/events/:id/registrations/:registrationId/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel a registration (the person, who registered them, or organisers)',
        params: RegParams,
        response: { 200: MyRegistration, ...errors },
      },
    },
    async (req) => service.cancelRegistration(ctx, req.actor, req.params.id, req.params.registrationId),
  );

  app.post(
    '/api/v1/registrations/confirm',
    {
      schema: {
        tags,
        summary: 'A guest confirms their email with the mailed token; the seat is decided now',
        body: TokenBody,
        response: { 200: ManagedRegistration, 400: ErrorBody, 409: ErrorBody },
      },
    },
    async (req) => service.confirmGuest(ctx, req.body.token),
  );

  app.get(
    '/api/v1/registrations/manage',
    {
      schema: {
        tags,
        summary: 'A registration seen through the link in its mails (no login)',
        querystring: z.object({ token: z.string().min(16).max(200) }),
        response: { 200: ManagedRegistration, 400: ErrorBody },
      },
    },
    async (req) => service.manageByToken(ctx, req.query.token),
  );

  app.post(
    '/api/v1/registrations/manage/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel a registration through the link in its mails (no login)',
        body: TokenBody,
        response: { 200: ManagedRegistration, 400: ErrorBody, 409: ErrorBody },
      },
    },
    async (req) => service.cancelByToken(ctx, req.body.token),
  );

  app.get(
    '/api/v1/registrations/:registrationId/qr.svg',
    {
      schema: {
        tags,
        summary: 'QR code of the check-in code (the person, organisers, or ?token=)',
        params: z.object({ registrationId: z.uuid() }),
        querystring: TokenQuery,
        produces: ['image/svg+xml'],
      },
    },
    async (req, reply) => {
      const code = await service.codeForQr(ctx, req.actor, req.params.registrationId, req.query.token);
      const svg = await QRCode.toString(code, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
      return reply
        .type('image/svg+xml')
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .send(svg);
    },
  );

  app.get(
    '/api/v1/me/events',
    {
      schema: {
        tags,
        summary: 'Events the caller is registered for',
        querystring: MyEventsQuery,
        response: { 200: MyEventList, 401: ErrorBody },
      },
    },
    async (req) => service.myEvents(ctx, req.actor, req.query.when),
  );

  app.get(
    '/api/v1/me/calendar',
    {
      schema: {
        tags,
        summary: "The address of the caller's private calendar feed",
        response: { 200: CalendarFeed, 401: ErrorBody },
      },
    },
    async (req) => service.calendarFeed(ctx, req.actor, false),
  );

  app.post(
    '/api/v1/me/calendar',
    {
      schema: {
        tags,
        summary: 'A new private calendar address (the old one stops working)',
        response: { 200: CalendarFeed, 401: ErrorBody },
      },
    },
    async (req) => service.calendarFeed(ctx, req.actor, true),
  );

  // --- check-in --------------------------------------------------------------------------------------------
  app.get(
    '/api/v1/events/:id/checkins',
    {
      schema: {
        tags,
        summary: 'Find people to check in by name (staff or organisers)',
        params: IdParams,
        querystring: CheckinSearchQuery,
        response: { 200: CheckinSearch, ...errors },
      },
    },
    async (req) => service.checkinSearch(ctx, req.actor, req.params.id, req.query),
  );

  app.post(
    '/api/v1/events/:id/checkins',
    {
      schema: {
        tags,
        summary: 'Check a person in by scanned code or registration id (idempotent)',
        params: IdParams,
        body: CheckinBody,
        response: { 200: CheckinResult, ...errors },
      },
    },
    async (req) => service.checkIn(ctx, req.actor, req.params.id, req.body),
  );

  app.post(
    '/api/v1/events/:id/walk-ins',
    {
      schema: {
        tags,
        summary: 'Add a person at the door (registered as attended)',
        params: IdParams,
        body: WalkInBody,
        response: { 200: CheckinResult, 201: CheckinResult, ...errors },
      },
    },
    async (req, reply) => {
      const { result, created } = await service.walkIn(ctx, req.actor, req.params.id, req.body);
      return reply.status(created ? 201 : 200).send(result);
    },
  );

  app.post(
    '/api/v1/events/:id/no-shows',
    {
      schema: {
        tags,
        summary: 'Mark everyone confirmed but not checked in as absent',
        params: IdParams,
        response: { 200: NoShowsResult, ...errors },
      },
    },
    async (req) => service.markNoShows(ctx, req.actor, req.params.id),
  );

  // --- after the event ----------------------------------------------------------------------------------
  app.get(
    '/api/v1/events/:id/figures',
    {
      schema: {
        tags,
        summary: 'Attendance figures by organisation, kind of body, region and mode',
        params: IdParams,
        response: { 200: EventFigures, ...errors },
      },
    },
    async (req) => service.figures(ctx, req.actor, req.params.id),
  );

  app.get(
    '/api/v1/events/:id/participants.csv',
    { schema: { tags, summary: 'Participants as CSV', params: IdParams, produces: ['text/csv'] } },
    async (req, reply) => {
      const { rows } = await service.participantsForExport(ctx, req.actor, req.params.id);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', disposition('partecipanti.csv'))
        .send(participantsCsv(rows));
    },
  );

  app.get(
    '/api/v1/events/:id/participants.xlsx',
    {
      schema: {
        tags,
        summary: 'Participants as an Excel workbook',
        params: IdParams,
        produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      },
    },
    async (req, reply) => {
      const { rows } = await service.participantsForExport(ctx, req.actor, req.params.id);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', disposition('partecipanti.xlsx'))
        .send(await participantsXlsx(rows));
    },
  );

  app.post(
    '/api/v1/events/:id/materials',
    {
      schema: {
        tags,
        summary: 'Attach a document (multipart: field "title", then "file"; up to 20 MB)',
        params: IdParams,
        consumes: ['multipart/form-data'],
        response: { 201: EventMaterial, 413: ErrorBody, 415: ErrorBody, ...errors },
      },
    },
    async (req, reply) => {
      if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send multipart/form-data');
      const part = await req.file({ limits: { fileSize: MATERIAL_MAX_BYTES } });
      if (part?.fieldname !== 'file') throw new AppError('BAD_REQUEST', 'The field "file" is missing');
      const titleField = part.fields.title as { value?: unknown } | undefined;
      const title = typeof titleField?.value === 'string' ? titleField.value : '';
      const data = await part.toBuffer();
      const out = await service.addMaterialFile(ctx, req.actor, req.params.id, title, part.filename, data);
      return reply.status(201).send(out);
    },
  );

  app.post(
    '/api/v1/events/:id/materials/links',
    {
      schema: {
        tags,
        summary: 'Attach a link',
        params: IdParams,
        body: MaterialLinkBody,
        response: { 201: EventMaterial, ...errors },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await service.addMaterialLink(ctx, req.actor, req.params.id, req.body)),
  );

  app.delete(
    '/api/v1/events/:id/materials/:materialId',
    {
      schema: {
        tags,
        summary: 'Remove a material',
        params: MaterialParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (req, reply) => {
      await service.removeMaterial(ctx, req.actor, req.params.id, req.params.materialId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/events/:id/materials/:materialId',
    { schema: { tags, summary: 'Download a material', params: MaterialParams } },
    async (req, reply) => {
      const f = await service.readMaterial(ctx, req.actor, req.params.id, req.params.materialId);
      return reply
        .type(f.contentType)
        .header('content-disposition', disposition(f.filename))
        .header('etag', `"${f.sha256}"`)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, max-age=3600')
        .send(f.data);
    },
  );

  app.post(
    '/api/v1/events/:id/feedback',
    {
      schema: {
        tags,
        summary: 'Rate the event (participants, once)',
        params: IdParams,
        body: FeedbackBody,
        response: { 201: OkResponse, ...errors },
      },
    },
    async (req, reply) => {
      await service.giveFeedback(ctx, req.actor, req.params.id, req.body);
      return reply.status(201).send({ ok: true as const });
    },
  );

  app.get(
    '/api/v1/events/:id/feedback',
    {
      schema: {
        tags,
        summary: 'Feedback summary (staff or organisers)',
        params: IdParams,
        response: { 200: FeedbackSummary, ...errors },
      },
    },
    async (req) => service.feedbackSummary(ctx, req.actor, req.params.id),
  );

  app.get(
    '/api/v1/organizations/:slug/events',
    {
      schema: {
        tags,
        summary: 'Events an organisation organised and how many people they reached',
        params: SlugParams,
        response: { 200: OrganisationEvents, 404: ErrorBody },
      },
    },
    async (req) => service.organisationEvents(ctx, req.params.slug),
  );

  // --- iCalendar feeds -------------------------------------------------------------------------------------
  app.get(
    '/calendar/events.ics',
    {
      schema: {
        tags,
        summary: 'iCalendar feed of public events',
        querystring: LangQuery,
        produces: ['text/calendar'],
      },
    },
    async (req, reply) =>
      reply
        .type(ICS)
        .header('cache-control', 'public, max-age=300')
        .send(await calendar.publicFeed(ctx, req.query.lang ?? ctx.config.defaultLanguage)),
  );

  app.get(
    '/calendar/programmes/:slug.ics',
    {
      schema: {
        tags,
        summary: "iCalendar feed of a programme's public events",
        params: SlugParams,
        querystring: LangQuery,
        produces: ['text/calendar'],
      },
    },
    async (req, reply) =>
      reply
        .type(ICS)
        .header('cache-control', 'public, max-age=300')
        .send(
          await calendar.programmeFeed(ctx, req.params.slug, req.query.lang ?? ctx.config.defaultLanguage),
        ),
  );

  app.get(
    '/calendar/me/:token.ics',
    {
      schema: {
        tags,
        summary: "A person's private feed of the events they are registered for",
        params: z.object({ token: z.string().min(16).max(200) }),
        produces: ['text/calendar'],
      },
    },
    async (req, reply) =>
      reply
        .type(ICS)
        .header('cache-control', 'private, no-store')
        .send(await calendar.personalFeed(ctx, req.params.token)),
  );
}
