// HTTP routes of trainings: courses and sessions, enrolment, attendance, completion, exports, certificates.

import { z } from 'zod';
import { AuditList } from '../../../shared/audit.js';
import { ERROR_RESPONSES } from '../../../shared/errors.js';
import {
  AttendanceBody,
  CertificateCodeParams,
  CertificateInfo,
  CertificateVerification,
  CourseCompletion,
  CourseDetail,
  CourseList,
  CourseListQuery,
  CourseSession,
  CourseSessionList,
  CourseStatusBody,
  CreateCourseBody,
  EnrolBody,
  EnrolmentList,
  EnrolmentListQuery,
  EnrolmentRow,
  MyCourseList,
  MyEnrolment,
  PdfQuery,
  RevokeBody,
  SessionBody,
  UpdateCourseBody,
  UpdateSessionBody,
} from '../../../shared/trainings.js';
import type { AppContext, ZodApp } from '../../context.js';
import { enrolmentsCsv, enrolmentsXlsx } from './trainings.export.js';
import * as service from './trainings.service.js';

const tags = ['trainings'];
const IdParams = z.object({ id: z.uuid() });
const SessionParams = IdParams.extend({ sessionId: z.uuid() });
const EnrolmentParams = IdParams.extend({ enrolmentId: z.uuid() });
const AttendanceParams = SessionParams.extend({ enrolmentId: z.uuid() });
const errors = ERROR_RESPONSES;

const disposition = (name: string) =>
  `attachment; filename="${name.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;

export function trainingsRoutes(app: ZodApp, ctx: AppContext): void {
  app.get(
    '/api/v1/courses',
    {
      schema: {
        tags,
        summary: 'Courses: published ones for everyone, every status for staff; paged by cursor',
        querystring: CourseListQuery,
        response: { 200: CourseList, ...errors },
      },
    },
    async (req) => service.listCourses(ctx, req.actor, req.query),
  );

  app.post(
    '/api/v1/courses',
    {
      schema: {
        tags,
        summary: 'Create a course (staff)',
        body: CreateCourseBody,
        response: { 201: CourseDetail, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createCourse(ctx, req.actor, req.body)),
  );

  app.get(
    '/api/v1/courses/:id',
    {
      schema: {
        tags,
        summary: 'A course with its sessions and the caller’s enrolment and progress',
        params: IdParams,
        response: { 200: CourseDetail, ...errors },
      },
    },
    async (req) => service.getCourse(ctx, req.actor, req.params.id),
  );

  app.patch(
    '/api/v1/courses/:id',
    {
      schema: {
        tags,
        summary: 'Change a course (staff)',
        params: IdParams,
        body: UpdateCourseBody,
        response: { 200: CourseDetail, ...errors },
      },
    },
    async (req) => service.updateCourse(ctx, req.actor, req.params.id, req.body),
  );

  app.post(
    '/api/v1/courses/:id/status',
    {
      schema: {
        tags,
        summary: 'Publish, withdraw or cancel a course (staff; cancelling tells the enrolled)',
        params: IdParams,
        body: CourseStatusBody,
        response: { 200: CourseDetail, ...errors },
      },
    },
    async (req) => service.changeStatus(ctx, req.actor, req.params.id, req.body.status, req.body.note),
  );

  app.get(
    '/api/v1/courses/:id/audit',
    {
      schema: {
        tags,
        summary: 'History of the course (staff)',
        params: IdParams,
        response: { 200: AuditList, ...errors },
      },
    },
    async (req) => service.courseAudit(ctx, req.actor, req.params.id),
  );

  app.get(
    '/api/v1/courses/:id/sessions',
    {
      schema: {
        tags,
        summary: 'Sessions of a course',
        params: IdParams,
        response: { 200: CourseSessionList, ...errors },
      },
    },
    async (req) => service.listSessions(ctx, req.actor, req.params.id),
  );

  app.post(
    '/api/v1/courses/:id/sessions',
    {
      schema: {
        tags,
        summary: 'Add a session (an event of kind training_session) to a course (staff)',
        params: IdParams,
        body: SessionBody,
        response: { 201: CourseSession, ...errors },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await service.addSession(ctx, req.actor, req.params.id, req.body)),
  );

  app.patch(
    '/api/v1/courses/:id/sessions/:sessionId',
    {
      schema: {
        tags,
        summary: 'Change a session (staff)',
        params: SessionParams,
        body: UpdateSessionBody,
        response: { 200: CourseSession, ...errors },
      },
    },
    async (req) => service.updateSession(ctx, req.actor, req.params.id, req.params.sessionId, req.body),
  );

  app.delete(
    '/api/v1/courses/:id/sessions/:sessionId',
    {
      schema: {
        tags,
        summary: 'Remove a session without recorded attendance (staff; its event is cancelled)',
        params: SessionParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (req, reply) => {
      await service.removeSession(ctx, req.actor, req.params.id, req.params.sessionId);
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/api/v1/courses/:id/sessions/:sessionId/attendance/:enrolmentId',
    {
      schema: {
        tags,
        summary: 'Mark an enrolled person attended, absent or unmarked at a session (staff)',
        params: AttendanceParams,
        body: AttendanceBody,
        response: { 200: EnrolmentRow, ...errors },
      },
    },
    async (req) =>
      service.setAttendance(
        ctx,
        req.actor,
        req.params.id,
        req.params.sessionId,
        req.params.enrolmentId,
        req.body.attendance,
      ),
  );

  app.get(
    '/api/v1/courses/:id/enrolments',
    {
      schema: {
        tags,
        summary: 'Enrolments with hours, completion and attendance per session (staff)',
        params: IdParams,
        querystring: EnrolmentListQuery,
        response: { 200: EnrolmentList, ...errors },
      },
    },
    async (req) => service.listEnrolments(ctx, req.actor, req.params.id, req.query),
  );

  app.post(
    '/api/v1/courses/:id/enrolments',
    {
      schema: {
        tags,
        summary: 'Enrol yourself or a colleague (waitlisted when the course is full)',
        params: IdParams,
        body: EnrolBody,
        response: { 201: MyEnrolment, ...errors },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await service.enrol(ctx, req.actor, req.params.id, req.body)),
  );

  app.post(
    '/api/v1/courses/:id/enrolments/:enrolmentId/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel an enrolment (the first waitlisted person takes the seat)',
        params: EnrolmentParams,
        response: { 200: MyEnrolment, ...errors },
      },
    },
    async (req) => service.cancelEnrolment(ctx, req.actor, req.params.id, req.params.enrolmentId),
  );

  app.post(
    '/api/v1/courses/:id/enrolments/:enrolmentId/certificate',
    {
      schema: {
        tags,
        summary:
          'Issue the certificate of attendance (the person or staff; only once the course is completed)',
        params: EnrolmentParams,
        response: { 200: CertificateInfo, 201: CertificateInfo, ...errors },
      },
    },
    async (req, reply) => {
      const { certificate, created } = await service.issueCertificate(
        ctx,
        req.actor,
        req.params.id,
        req.params.enrolmentId,
      );
      return reply.status(created ? 201 : 200).send(certificate);
    },
  );

  app.get(
    '/api/v1/courses/:id/completion',
    {
      schema: {
        tags,
        summary: 'Completion of a course, overall, per organisation and per region (staff)',
        params: IdParams,
        response: { 200: CourseCompletion, ...errors },
      },
    },
    async (req) => service.completion(ctx, req.actor, req.params.id),
  );

  app.get(
    '/api/v1/courses/:id/enrolments.csv',
    { schema: { tags, summary: 'Enrolments as CSV (staff)', params: IdParams, produces: ['text/csv'] } },
    async (req, reply) => {
      const { sessions, items } = await service.enrolmentsForExport(ctx, req.actor, req.params.id);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', disposition('iscritti.csv'))
        .send(enrolmentsCsv(sessions, items));
    },
  );

  app.get(
    '/api/v1/courses/:id/enrolments.xlsx',
    {
      schema: {
        tags,
        summary: 'Enrolments as an Excel workbook (staff)',
        params: IdParams,
        produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      },
    },
    async (req, reply) => {
      const { sessions, items } = await service.enrolmentsForExport(ctx, req.actor, req.params.id);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', disposition('iscritti.xlsx'))
        .send(await enrolmentsXlsx(sessions, items));
    },
  );

  app.get(
    '/api/v1/me/courses',
    {
      schema: {
        tags,
        summary: 'The caller’s courses with progress and certificates',
        response: { 200: MyCourseList, ...errors },
      },
    },
    async (req) => service.myCourses(ctx, req.actor),
  );

  app.get(
    '/api/v1/certificates/:code',
    {
      schema: {
        tags,
        summary: 'Verify a certificate by its code (anyone): valid or revoked, for whom and what',
        params: CertificateCodeParams,
        response: { 200: CertificateVerification, ...errors },
      },
    },
    async (req) => service.verifyCertificate(ctx, req.params.code),
  );

  app.get(
    '/api/v1/certificates/:code/certificate.pdf',
    {
      schema: {
        tags,
        summary: 'The certificate as PDF (the holder or staff), in ?lang= or the holder’s language',
        params: CertificateCodeParams,
        querystring: PdfQuery,
        produces: ['application/pdf'],
      },
    },
    async (req, reply) => {
      const { pdf, filename } = await service.certificatePdf(ctx, req.actor, req.params.code, req.query.lang);
      return reply
        .type('application/pdf')
        .header('content-disposition', disposition(filename))
        .header('cache-control', 'private, no-store')
        .send(pdf);
    },
  );

  app.post(
    '/api/v1/certificates/:code/revoke',
    {
      schema: {
        tags,
        summary: 'Revoke a certificate (staff)',
        params: CertificateCodeParams,
        body: RevokeBody,
        response: { 200: CertificateVerification, ...errors },
      },
    },
    async (req) => service.revokeCertificate(ctx, req.actor, req.params.code, req.body.reason),
  );
}
