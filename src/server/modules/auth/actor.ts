// Who is making a request, as services see it. Services decide access from this alone.
import type { MemberRole } from '../organisations/organisations.table.js';
import type { Locale, NetworkRole } from './auth.table.js';

export type Actor = {
  userId: string;
  email: string;
  name: string;
  locale: Locale;
  networkRole: NetworkRole | null;
  emailVerified: boolean;
  /** organisation id → role in it */
  memberships: ReadonlyMap<string, MemberRole>;
};

export const isStaff = (a: Actor | null): a is Actor =>
  a?.networkRole === 'admin' || a?.networkRole === 'staff';
export const isAdmin = (a: Actor | null): a is Actor => a?.networkRole === 'admin';
export const orgRole = (a: Actor | null, organisationId: string): MemberRole | undefined =>
  a?.memberships.get(organisationId);
export const isOrgAdmin = (a: Actor | null, organisationId: string): boolean =>
  orgRole(a, organisationId) === 'org_admin';
