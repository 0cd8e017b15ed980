// Accounts: registration, email verification, login, passwords, profile, personal-data export,
// invitations and network roles. Every function checks who may act before acting.

import type {
  AcceptInvitationBody,
  ChangePasswordBody,
  InvitationInfo,
  LoginBody,
  PersonalDataExport,
  RegisterBody,
  SessionUser,
  UpdateMeBody,
  UserListItem,
  UserListQuery,
} from '../../../shared/auth.js';
import type { Config } from '../../config.js';
import type { Db, DbOrTx } from '../../db/database.js';
import { AppError, fieldError } from '../../errors.js';
import { enqueueMail } from '../../mail/outbox.js';
import { recordAudit } from '../audit/audit.service.js';
import { type Actor, isAdmin, isStaff } from './actor.js';
import { authMails, RESET_PASSWORD_TTL_MS, VERIFY_EMAIL_TTL_MS } from './auth.mails.js';
import * as repo from './auth.repository.js';
import type { Locale, NetworkRole } from './auth.table.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { forgive, LIMITS, takeAttempt } from './rate-limit.js';
import { deleteSessionsOfUser } from './sessions.repository.js';
import { createSession, endSession } from './sessions.service.js';
import { hashToken, newToken } from './tokens.js';

export type AuthDeps = { db: Db; config: Config };
export type RequestMeta = { ip: string; userAgent?: string | undefined };
export type NewSession = { user: SessionUser; token: string; csrfToken: string; expiresAt: Date };

const isUniqueViolation = (err: unknown): boolean => (err as { code?: unknown })?.code === '23505';

const iso = (d: Date): string => d.toISOString();
const isoOrNull = (d: Date | null): string | null => (d ? d.toISOString() : null);

// --- session user ---

export async function sessionUser(db: Db, userId: string): Promise<SessionUser | null> {
  const [user, memberships] = await Promise.all([
    repo.findUserById(db, userId),
    repo.findActiveMemberships(db, userId),
  ]);
  if (!user || user.disabled_at) return null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    locale: user.locale,
    languages: user.languages,
    networkRole: user.network_role,
    emailVerified: user.email_verified_at !== null,
    memberships: memberships.map((m) => ({
      organisationId: m.organisation_id,
      slug: m.slug,
      name: m.name,
      role: m.role,
    })),
  };
}

async function openSession(deps: AuthDeps, userId: string, meta: RequestMeta): Promise<NewSession> {
  const s = await createSession(deps.db, userId, {
    days: deps.config.sessionDays,
    userAgent: meta.userAgent,
  });
  const user = await sessionUser(deps.db, userId);
  if (!user) throw new AppError('INVALID_CREDENTIALS', 'Account not usable');
  return { user, ...s };
}

// --- registration and email verification ---

export async function register(deps: AuthDeps, input: RegisterBody): Promise<void> {
  const { db, config } = deps;
  if (await repo.findUserByEmail(db, input.email)) throw emailTaken();
  const passwordHash = await hashPassword(input.password);
  try {
    await db.transaction().execute(async (tx) => {
      const userId = await repo.insertUser(tx, {
        email: input.email,
        name: input.name,
        passwordHash,
        locale: input.locale,
      });
      await sendVerification(tx, config, {
        userId,
        email: input.email,
        name: input.name,
        locale: input.locale,
      });
    });
  } catch (err) {
    // Two registrations of the same address at once: the unique index decides, the loser gets a 409.
    if (isUniqueViolation(err)) throw emailTaken();
    throw err;
  }
}

const emailTaken = () =>
  new AppError('EMAIL_TAKEN', 'An account with this email already exists', {
    fields: [{ path: 'email', message: 'already registered' }],
  });

async function sendVerification(
  tx: DbOrTx,
  config: Config,
  u: { userId: string; email: string; name: string; locale: Locale },
): Promise<void> {
  const token = newToken();
  await repo.insertToken(tx, {
    tokenHash: hashToken(token),
    userId: u.userId,
    purpose: 'verify_email',
    expiresAt: new Date(Date.now() + VERIFY_EMAIL_TTL_MS),
  });
  const mail = authMails.verifyEmail(u.locale, {
    name: u.name,
    link: `${config.publicUrl}/verify-email?token=${encodeURIComponent(token)}`,
    networkName: config.networkName,
  });
  await enqueueMail(tx, { to: u.email, ...mail, locale: u.locale, template: 'auth.verify_email' });
}

/** A new verification link for a logged-in person whose address is not verified yet. */
export async function resendVerification(deps: AuthDeps, actor: Actor): Promise<void> {
  if (actor.emailVerified) throw new AppError('INVALID_STATE', 'Email already verified');
  await takeAttempt(deps.db, [LIMITS.verifyResend(actor.userId)]);
  await deps.db.transaction().execute(async (tx) => {
    await repo.invalidateTokens(tx, actor.userId, 'verify_email');
    await sendVerification(tx, deps.config, {
      userId: actor.userId,
      email: actor.email,
      name: actor.name,
      locale: actor.locale,
    });
  });
}

export async function verifyEmail(deps: AuthDeps, token: string): Promise<void> {
  await deps.db.transaction().execute(async (tx) => {
    const used = await repo.consumeToken(tx, hashToken(token), 'verify_email');
    if (!used) throw invalidToken();
    await repo.updateUser(tx, used.user_id, { markVerified: true });
  });
}

const invalidToken = () => new AppError('INVALID_TOKEN', 'This link is invalid, expired or already used');

// --- login and logout ---

export async function login(deps: AuthDeps, input: LoginBody, meta: RequestMeta): Promise<NewSession> {
  const { db } = deps;
  const emailLimit = LIMITS.loginPerEmail(input.email);
  const ticket = await takeAttempt(db, [emailLimit, LIMITS.loginPerIp(meta.ip)]);
  const user = await repo.findUserByEmail(db, input.email);
  // Accounts without a password (pending invitation) and disabled ones cannot log in; the answer is
  // the same as for a wrong password so it reveals nothing.
  const usable = user && !user.disabled_at ? user.password_hash : null;
  const ok = await verifyPassword(usable, input.password);
  if (!ok || !user) throw new AppError('INVALID_CREDENTIALS', 'Wrong email or password');
  await forgive(db, ticket, [emailLimit.key]);
  return openSession(deps, user.id, meta);
}

export async function logout(deps: AuthDeps, sessionIdHash: string | null): Promise<void> {
  if (sessionIdHash) await endSession(deps.db, sessionIdHash);
}

// --- passwords ---

/** Always succeeds from the caller's view, so it cannot be used to find out who has an account. */
export async function forgotPassword(deps: AuthDeps, email: string, meta: RequestMeta): Promise<void> {
  const { db, config } = deps;
  await takeAttempt(db, [LIMITS.forgotPerEmail(email), LIMITS.forgotPerIp(meta.ip)]);
  const user = await repo.findUserByEmail(db, email);
  if (!user || user.disabled_at) return;
  const token = newToken();
  await db.transaction().execute(async (tx) => {
    await repo.insertToken(tx, {
      tokenHash: hashToken(token),
      userId: user.id,
      purpose: 'reset_password',
      expiresAt: new Date(Date.now() + RESET_PASSWORD_TTL_MS),
    });
    const mail = authMails.resetPassword(user.locale, {
      name: user.name,
      link: `${config.publicUrl}/reset-password?token=${encodeURIComponent(token)}`,
      networkName: config.networkName,
    });
    await enqueueMail(tx, { to: user.email, ...mail, locale: user.locale, template: 'auth.reset_password' });
  });
}

export async function resetPassword(deps: AuthDeps, token: string, password: string): Promise<void> {
  const { db, config } = deps;
  const passwordHash = await hashPassword(password);
  await db.transaction().execute(async (tx) => {
    const used = await repo.consumeToken(tx, hashToken(token), 'reset_password');
    if (!used) throw invalidToken();
    const user = await repo.findUserById(tx, used.user_id);
    if (!user || user.disabled_at) throw invalidToken();
    // The link proved control of the mailbox, so the address counts as verified too.
    await repo.updateUser(tx, user.id, { passwordHash, markVerified: true });
    await repo.invalidateTokens(tx, user.id, 'reset_password');
    await deleteSessionsOfUser(tx, user.id);
    await notifyPasswordChanged(tx, config, user);
  });
}

async function notifyPasswordChanged(
  tx: DbOrTx,
  config: Config,
  user: { email: string; name: string; locale: Locale },
): Promise<void> {
  const mail = authMails.passwordChanged(user.locale, {
    name: user.name,
    networkName: config.networkName,
    resetLink: `${config.publicUrl}/forgot-password`,
  });
  await enqueueMail(tx, { to: user.email, ...mail, locale: user.locale, template: 'auth.password_changed' });
}

export async function changePassword(
  deps: AuthDeps,
  actor: Actor,
  currentSessionIdHash: string | null,
  input: ChangePasswordBody,
): Promise<void> {
  const { db, config } = deps;
  // Limited too: a stolen session must not become a way to guess the password.
  const ticket = await takeAttempt(db, [LIMITS.changePassword(actor.userId)]);
  const user = await repo.findUserById(db, actor.userId);
  if (!user) throw new AppError('UNAUTHENTICATED', 'Log in first');
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
    throw fieldError('currentPassword', 'Wrong password');
  }
  await forgive(db, ticket);
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction().execute(async (tx) => {
    await repo.updateUser(tx, user.id, { passwordHash });
    await repo.invalidateTokens(tx, user.id, 'reset_password');
    await deleteSessionsOfUser(tx, user.id, currentSessionIdHash ?? undefined);
    await notifyPasswordChanged(tx, config, user);
  });
}

// --- profile and personal data ---

export async function updateMe(deps: AuthDeps, actor: Actor, input: UpdateMeBody): Promise<SessionUser> {
  await repo.updateUser(deps.db, actor.userId, {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.locale !== undefined ? { locale: input.locale } : {}),
    ...(input.languages !== undefined ? { languages: [...new Set(input.languages)] } : {}),
  });
  const user = await sessionUser(deps.db, actor.userId);
  if (!user) throw new AppError('UNAUTHENTICATED', 'Log in first');
  return user;
}

export async function exportMyData(
  deps: AuthDeps,
  actor: Actor,
  currentSessionIdHash: string | null,
): Promise<PersonalDataExport> {
  const { db } = deps;
  const user = await repo.findUserById(db, actor.userId);
  if (!user) throw new AppError('UNAUTHENTICATED', 'Log in first');
  const [memberships, programmeRoles, applications, sessions, audit, mails] = await Promise.all([
    repo.exportMemberships(db, user.id),
    repo.exportProgrammeRoles(db, user.id),
    repo.exportApplicationsAsContact(db, user.email),
    repo.exportSessions(db, user.id),
    repo.exportAuditEntries(db, user.id),
    repo.exportMails(db, user.email),
  ]);
  return {
    exportedAt: new Date().toISOString(),
    profile: {
      id: user.id,
      email: user.email,
      name: user.name,
      locale: user.locale,
      languages: user.languages,
      networkRole: user.network_role,
      emailVerifiedAt: isoOrNull(user.email_verified_at),
      hasPassword: user.password_hash !== null,
      createdAt: iso(user.created_at),
      updatedAt: iso(user.updated_at),
    },
    memberships: memberships.map((m) => ({
      organisationId: m.organisation_id,
      organisationName: m.name,
      organisationSlug: m.slug,
      organisationStatus: m.status,
      role: m.role,
      since: iso(m.created_at),
    })),
    programmeRoles: programmeRoles.map((p) => ({
      programmeName: p.name,
      programmeSlug: p.slug,
      role: p.role,
    })),
    applicationsAsContact: applications.map((a) => ({
      id: a.id,
      organisationName: a.organisation_name,
      status: a.status,
      contactName: a.contact_name,
      contactEmail: a.contact_email,
      contactPhone: a.contact_phone,
      contactRole: a.contact_role,
      message: a.message,
      submittedAt: iso(a.submitted_at),
    })),
    sessions: sessions.map((s) => ({
      createdAt: iso(s.created_at),
      lastSeenAt: iso(s.last_seen_at),
      expiresAt: iso(s.expires_at),
      userAgent: s.user_agent,
      current: s.id_hash === currentSessionIdHash,
    })),
    auditEntries: audit.map((a) => ({
      entityType: a.entity_type,
      entityId: a.entity_id,
      action: a.action,
      fromStatus: a.from_status,
      toStatus: a.to_status,
      note: a.note,
      createdAt: iso(a.created_at),
    })),
    mails: mails.map((m) => ({
      id: m.id,
      to: m.to_address,
      subject: m.subject,
      template: m.template,
      status: m.status,
      // Links in old mails may still work (a reset link for an hour): a copy of the data must not.
      text: m.text_body.replace(/([?&]token=)[A-Za-z0-9_%-]+/g, '$1[removed]'),
      createdAt: iso(m.created_at),
      sentAt: isoOrNull(m.sent_at),
    })),
  };
}

// --- invitations ---

export async function getInvitation(deps: AuthDeps, token: string): Promise<InvitationInfo> {
  const { db } = deps;
  const t = await repo.findUsableToken(db, hashToken(token), 'invitation');
  if (!t || t.disabled_at) throw invalidToken();
  const organisationId = typeof t.data?.organisationId === 'string' ? t.data.organisationId : null;
  const organisationName =
    organisationId && UUID.test(organisationId) ? await repo.findOrganisationName(db, organisationId) : null;
  return { email: t.email, name: t.name, organisationName };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function acceptInvitation(
  deps: AuthDeps,
  input: AcceptInvitationBody,
  meta: RequestMeta,
): Promise<NewSession> {
  const { db } = deps;
  const passwordHash = await hashPassword(input.password);
  const userId = await db.transaction().execute(async (tx) => {
    const used = await repo.consumeToken(tx, hashToken(input.token), 'invitation');
    if (!used) throw invalidToken();
    const user = await repo.findUserById(tx, used.user_id);
    if (!user || user.disabled_at) throw invalidToken();
    await repo.updateUser(tx, user.id, {
      passwordHash,
      markVerified: true,
      ...(input.name !== undefined ? { name: input.name } : {}),
    });
    // The account is active now: other invitation links (from other organisations) must not be able
    // to set its password again. Memberships were created when the person was invited.
    await repo.invalidateTokens(tx, user.id, 'invitation');
    return user.id;
  });
  return openSession(deps, userId, meta);
}

// --- people and network roles (staff) ---

export async function listUsers(deps: AuthDeps, actor: Actor | null, query: UserListQuery) {
  if (!actor) throw new AppError('UNAUTHENTICATED', 'Log in first');
  if (!isStaff(actor)) throw new AppError('FORBIDDEN', 'Only network staff can list people');
  const rows = await repo.listUsers(deps.db, {
    q: query.q || undefined,
    role: query.role,
    limit: query.limit,
  });
  return { items: rows.map(toUserListItem) };
}

const toUserListItem = (r: {
  id: string;
  email: string;
  name: string;
  network_role: NetworkRole | null;
}): UserListItem => ({ id: r.id, email: r.email, name: r.name, networkRole: r.network_role });

export async function setNetworkRole(
  deps: AuthDeps,
  actor: Actor | null,
  userId: string,
  networkRole: NetworkRole | null,
): Promise<UserListItem> {
  if (!actor) throw new AppError('UNAUTHENTICATED', 'Log in first');
  if (!isAdmin(actor)) throw new AppError('FORBIDDEN', 'Only network admins can change roles');
  if (userId === actor.userId && networkRole !== 'admin') {
    // Otherwise the last admin could lock everyone out of role management.
    throw new AppError('INVALID_STATE', 'You cannot remove your own admin role');
  }
  return deps.db.transaction().execute(async (tx) => {
    const user = await repo.lockUser(tx, userId);
    if (!user) throw new AppError('NOT_FOUND', 'No such person');
    if (user.network_role !== networkRole) {
      await repo.updateUser(tx, userId, { networkRole });
      await recordAudit(tx, {
        entityType: 'user',
        entityId: userId,
        action: 'network_role_changed',
        fromStatus: user.network_role,
        toStatus: networkRole,
        actorUserId: actor.userId,
      });
    }
    return toUserListItem({ ...user, network_role: networkRole });
  });
}
