// Schemas of the auth module, shared by server routes and web forms.
import { z } from 'zod';

export const LocaleSchema = z.enum(['it', 'en', 'ar']);
export type Locale = z.infer<typeof LocaleSchema>;
export const NetworkRoleSchema = z.enum(['admin', 'staff', 'expert']);
export const MemberRoleSchema = z.enum(['org_admin', 'operator', 'delegate']);
export type MemberRole = z.infer<typeof MemberRoleSchema>;

export const SessionUser = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  locale: LocaleSchema,
  networkRole: NetworkRoleSchema.nullable(),
  emailVerified: z.boolean(),
  memberships: z.array(
    z.object({ organisationId: z.uuid(), slug: z.string(), name: z.string(), role: MemberRoleSchema }),
  ),
});
export type SessionUser = z.infer<typeof SessionUser>;

export const SessionResponse = z.object({ user: SessionUser.nullable(), csrfToken: z.string().nullable() });
export type SessionResponse = z.infer<typeof SessionResponse>;
