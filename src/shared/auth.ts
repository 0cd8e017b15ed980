// Schemas of the auth module, shared by server routes and web forms.
import { z } from 'zod';

export const LocaleSchema = z.enum(['it', 'en', 'ar']);
export type Locale = z.infer<typeof LocaleSchema>;
export const NetworkRoleSchema = z.enum(['admin', 'staff', 'expert']);
export type NetworkRole = z.infer<typeof NetworkRoleSchema>;
export const MemberRoleSchema = z.enum(['org_admin', 'operator', 'delegate']);
export type MemberRole = z.infer<typeof MemberRoleSchema>;

export const SessionUser = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  locale: LocaleSchema,
  /** ISO 639-1 codes of the languages the person speaks (absent in older clients' fixtures). */
  languages: z.array(z.string()).optional(),
  networkRole: NetworkRoleSchema.nullable(),
  emailVerified: z.boolean(),
  memberships: z.array(
    z.object({ organisationId: z.uuid(), slug: z.string(), name: z.string(), role: MemberRoleSchema }),
  ),
});
export type SessionUser = z.infer<typeof SessionUser>;

export const SessionResponse = z.object({ user: SessionUser.nullable(), csrfToken: z.string().nullable() });
export type SessionResponse = z.infer<typeof SessionResponse>;

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

export const EmailSchema = z.string().trim().max(254).regex(z.regexes.email, 'Invalid email address');
export const PasswordSchema = z.string().min(PASSWORD_MIN).max(PASSWORD_MAX);
export const PersonNameSchema = z.string().trim().min(1).max(120);
/** ISO 639-1 codes of languages a person speaks. */
export const LanguagesSchema = z.array(z.string().regex(/^[a-z]{2}$/, 'ISO 639-1 code')).max(30);
/** Tokens from links in mails (base64url, 43 characters when issued by Trama). */
export const LinkTokenSchema = z.string().min(16).max(200);

export const OkResponse = z.object({ ok: z.literal(true) });
export type OkResponse = z.infer<typeof OkResponse>;

export const RegisterBody = z.object({
  email: EmailSchema,
  name: PersonNameSchema,
  password: PasswordSchema,
  locale: LocaleSchema,
});
export type RegisterBody = z.infer<typeof RegisterBody>;

export const VerifyEmailBody = z.object({ token: LinkTokenSchema });
export type VerifyEmailBody = z.infer<typeof VerifyEmailBody>;

// Login accepts any password length so that a too-short guess is just wrong credentials, not a hint.
export const LoginBody = z.object({ email: EmailSchema, password: z.string().min(1).max(PASSWORD_MAX) });
export type LoginBody = z.infer<typeof LoginBody>;

export const LoginResponse = z.object({ user: SessionUser, csrfToken: z.string() });
export type LoginResponse = z.infer<typeof LoginResponse>;

export const ForgotPasswordBody = z.object({ email: EmailSchema });
export type ForgotPasswordBody = z.infer<typeof ForgotPasswordBody>;

export const ResetPasswordBody = z.object({ token: LinkTokenSchema, password: PasswordSchema });
export type ResetPasswordBody = z.infer<typeof ResetPasswordBody>;

export const ChangePasswordBody = z.object({
  currentPassword: z.string().min(1).max(PASSWORD_MAX),
  newPassword: PasswordSchema,
});
export type ChangePasswordBody = z.infer<typeof ChangePasswordBody>;

export const UpdateMeBody = z.object({
  name: PersonNameSchema.optional(),
  locale: LocaleSchema.optional(),
  languages: LanguagesSchema.optional(),
});
export type UpdateMeBody = z.infer<typeof UpdateMeBody>;

/** What the invitation page shows before the person chooses a password. */
export const InvitationInfo = z.object({
  email: z.string(),
  name: z.string(),
  organisationName: z.string().nullable(),
});
export type InvitationInfo = z.infer<typeof InvitationInfo>;

export const AcceptInvitationBody = z.object({
  token: LinkTokenSchema,
  password: PasswordSchema,
  name: PersonNameSchema.optional(),
});
export type AcceptInvitationBody = z.infer<typeof AcceptInvitationBody>;

export const UserListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  /** A network role, or `none` for people without one. */
  role: z.enum(['admin', 'staff', 'expert', 'none']).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type UserListQuery = z.infer<typeof UserListQuery>;

export const UserListItem = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  networkRole: NetworkRoleSchema.nullable(),
});
export type UserListItem = z.infer<typeof UserListItem>;

export const UserListResponse = z.object({ items: z.array(UserListItem) });
export type UserListResponse = z.infer<typeof UserListResponse>;

export const UpdateUserBody = z.object({ networkRole: NetworkRoleSchema.nullable() });
export type UpdateUserBody = z.infer<typeof UpdateUserBody>;

/** GET /auth/me/export: everything Trama holds about the person asking. */
export const PersonalDataExport = z.object({
  exportedAt: z.string(),
  profile: z.object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    locale: LocaleSchema,
    languages: z.array(z.string()),
    networkRole: NetworkRoleSchema.nullable(),
    emailVerifiedAt: z.string().nullable(),
    hasPassword: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  }),
  memberships: z.array(
    z.object({
      organisationId: z.uuid(),
      organisationName: z.string(),
      organisationSlug: z.string(),
      organisationStatus: z.string(),
      role: MemberRoleSchema,
      since: z.string(),
    }),
  ),
  programmeRoles: z.array(
    z.object({ programmeName: z.string(), programmeSlug: z.string(), role: z.string() }),
  ),
  applicationsAsContact: z.array(
    z.object({
      id: z.uuid(),
      organisationName: z.string(),
      status: z.string(),
      contactName: z.string(),
      contactEmail: z.string(),
      contactPhone: z.string().nullable(),
      contactRole: z.string().nullable(),
      message: z.string().nullable(),
      submittedAt: z.string(),
    }),
  ),
  sessions: z.array(
    z.object({
      createdAt: z.string(),
      lastSeenAt: z.string(),
      expiresAt: z.string(),
      userAgent: z.string().nullable(),
      current: z.boolean(),
    }),
  ),
  auditEntries: z.array(
    z.object({
      entityType: z.string(),
      entityId: z.string(),
      action: z.string(),
      fromStatus: z.string().nullable(),
      toStatus: z.string().nullable(),
      note: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
  mails: z.array(
    z.object({
      id: z.uuid(),
      to: z.string(),
      subject: z.string(),
      template: z.string(),
      status: z.string(),
      text: z.string(),
      createdAt: z.string(),
      sentAt: z.string().nullable(),
    }),
  ),
});
export type PersonalDataExport = z.infer<typeof PersonalDataExport>;
