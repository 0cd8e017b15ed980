// /api/v1/auth/* and /api/v1/users: accounts, sessions, passwords, invitations, network roles.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  AcceptInvitationBody,
  ChangePasswordBody,
  ForgotPasswordBody,
  InvitationInfo,
  LinkTokenSchema,
  LoginBody,
  LoginResponse,
  OkResponse,
  PersonalDataExport,
  RegisterBody,
  ResetPasswordBody,
  SessionResponse,
  SessionUser,
  UpdateMeBody,
  UpdateUserBody,
  UserListItem,
  UserListQuery,
  UserListResponse,
  VerifyEmailBody,
} from '../../../shared/auth.js';
import type { AppContext, ZodApp } from '../../context.js';
import { clearSessionCookie, requireActor, setSessionCookie } from '../../http/auth.js';
import * as auth from './auth.service.js';

const SESSION = [{ session: [], csrf: [] }];

export function authRoutes(app: ZodApp, ctx: AppContext): void {
  const deps: auth.AuthDeps = { db: ctx.db, config: ctx.config };
  const meta = (req: FastifyRequest): auth.RequestMeta => ({
    ip: req.ip,
    userAgent: req.headers['user-agent'],
  });
  const startSession = (reply: FastifyReply, s: auth.NewSession) => {
    setSessionCookie(reply, ctx.config, s.token, s.expiresAt);
    return { user: s.user, csrfToken: s.csrfToken };
  };

  app.get(
    '/api/v1/auth/session',
    {
      schema: {
        tags: ['auth'],
        summary: 'The logged-in person (or null) and the CSRF token to send with writes',
        response: { 200: SessionResponse },
      },
    },
    async (req) => {
      const user = req.actor ? await auth.sessionUser(ctx.db, req.actor.userId) : null;
      return { user, csrfToken: user ? req.csrfToken : null };
    },
  );

  app.post(
    '/api/v1/auth/register',
    {
      schema: {
        tags: ['auth'],
        summary: 'Create an account; a verification link is mailed',
        body: RegisterBody,
        response: { 201: OkResponse },
      },
    },
    async (req, reply) => {
      await auth.register(deps, req.body);
      return reply.status(201).send({ ok: true as const });
    },
  );

  app.post(
    '/api/v1/auth/verify-email',
    {
      schema: {
        tags: ['auth'],
        summary: 'Confirm an email address with the token from the mailed link',
        body: VerifyEmailBody,
        response: { 200: OkResponse },
      },
    },
    async (req) => {
      await auth.verifyEmail(deps, req.body.token);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/v1/auth/verify-email/resend',
    {
      schema: {
        tags: ['auth'],
        summary: 'Mail a new verification link to the logged-in person',
        security: SESSION,
        response: { 202: OkResponse },
      },
    },
    async (req, reply) => {
      await auth.resendVerification(deps, requireActor(req));
      return reply.status(202).send({ ok: true as const });
    },
  );

  app.post(
    '/api/v1/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Log in with email and password; sets the session cookie',
        description: 'At most 10 failed attempts per email and 30 per address every 15 minutes (then 429).',
        body: LoginBody,
        response: { 200: LoginResponse },
      },
    },
    async (req, reply) => {
      const s = await auth.login(deps, req.body, meta(req));
      // Logging in as someone else in the same browser ends the previous session instead of orphaning it.
      if (req.sessionIdHash) await auth.logout(deps, req.sessionIdHash);
      return startSession(reply, s);
    },
  );

  app.post(
    '/api/v1/auth/logout',
    {
      schema: {
        tags: ['auth'],
        summary: 'End the current session',
        security: SESSION,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await auth.logout(deps, req.sessionIdHash);
      clearSessionCookie(reply, ctx.config);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/auth/password/forgot',
    {
      schema: {
        tags: ['auth'],
        summary: 'Mail a password reset link (answers the same whether or not the account exists)',
        description: 'At most 5 requests per email every hour (then 429).',
        body: ForgotPasswordBody,
        response: { 202: OkResponse },
      },
    },
    async (req, reply) => {
      await auth.forgotPassword(deps, req.body.email, meta(req));
      return reply.status(202).send({ ok: true as const });
    },
  );

  app.post(
    '/api/v1/auth/password/reset',
    {
      schema: {
        tags: ['auth'],
        summary: 'Set a new password with the token from the mailed link; ends every session',
        body: ResetPasswordBody,
        response: { 200: OkResponse },
      },
    },
    async (req, reply) => {
      await auth.resetPassword(deps, req.body.token, req.body.password);
      if (req.sessionIdHash) clearSessionCookie(reply, ctx.config);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/v1/auth/password/change',
    {
      schema: {
        tags: ['auth'],
        summary: 'Change the password (needs the current one); ends the other sessions',
        security: SESSION,
        body: ChangePasswordBody,
        response: { 200: OkResponse },
      },
    },
    async (req) => {
      await auth.changePassword(deps, requireActor(req), req.sessionIdHash, req.body);
      return { ok: true as const };
    },
  );

  app.patch(
    '/api/v1/auth/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'Edit my name, interface language and spoken languages',
        security: SESSION,
        body: UpdateMeBody,
        response: { 200: SessionUser },
      },
    },
    async (req) => auth.updateMe(deps, requireActor(req), req.body),
  );

  app.get(
    '/api/v1/auth/me/export',
    {
      schema: {
        tags: ['auth'],
        summary: 'Download all data held about me, as a JSON file',
        security: SESSION,
        response: { 200: PersonalDataExport },
      },
    },
    async (req, reply) => {
      const data = await auth.exportMyData(deps, requireActor(req), req.sessionIdHash);
      const day = data.exportedAt.slice(0, 10);
      reply.header('content-disposition', `attachment; filename="trama-my-data-${day}.json"`);
      reply.header('cache-control', 'no-store');
      return data;
    },
  );

  app.get(
    '/api/v1/auth/invitations/:token',
    {
      schema: {
        tags: ['auth'],
        summary: 'Who an invitation is for, before choosing a password',
        params: z.object({ token: LinkTokenSchema }),
        response: { 200: InvitationInfo },
      },
    },
    async (req) => auth.getInvitation(deps, req.params.token),
  );

  app.post(
    '/api/v1/auth/invitations/accept',
    {
      schema: {
        tags: ['auth'],
        summary: 'Accept an invitation: choose a password (and name) and log in',
        body: AcceptInvitationBody,
        response: { 200: LoginResponse },
      },
    },
    async (req, reply) => {
      const s = await auth.acceptInvitation(deps, req.body, meta(req));
      if (req.sessionIdHash) await auth.logout(deps, req.sessionIdHash);
      return startSession(reply, s);
    },
  );

  app.get(
    '/api/v1/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Find people by name or email (network staff)',
        security: SESSION,
        querystring: UserListQuery,
        response: { 200: UserListResponse },
      },
    },
    async (req) => auth.listUsers(deps, req.actor, req.query),
  );

  app.patch(
    '/api/v1/users/:id',
    {
      schema: {
        tags: ['users'],
        summary: "Set a person's network role (network admin)",
        security: SESSION,
        params: z.object({ id: z.uuid() }),
        body: UpdateUserBody,
        response: { 200: UserListItem },
      },
    },
    async (req) => auth.setNetworkRole(deps, req.actor, req.params.id, req.body.networkRole),
  );
}
