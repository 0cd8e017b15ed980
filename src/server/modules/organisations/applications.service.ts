// Applications to join: apply, staff review (approve, reject, request changes) and resubmission.
import type {
  ApplicationDetail,
  ApplicationInput,
  ApplicationList,
  ApplicationStatus,
  MembershipModule,
} from '../../../shared/organisations.js';
import type { AppContext } from '../../context.js';
import type { Tx } from '../../db/database.js';
import { AppError, fieldError } from '../../errors.js';
import { enqueueMail } from '../../mail/outbox.js';
import { auditEntries, recordAudit } from '../audit/audit.service.js';
import { type Actor, isStaff } from '../auth/actor.js';
import type { Locale } from '../auth/auth.table.js';
import { inviteUser } from '../auth/invitations.js';
import { hashToken, newToken } from '../auth/tokens.js';
import { fileUrl } from '../files/files.service.js';
import {
  applicationApprovedMail,
  applicationReceivedMail,
  applicationRejectedMail,
  changesRequestedMail,
} from './organisations.mails.js';
import * as repo from './organisations.repository.js';
import {
  addOrganisationSearchWords,
  mapUniqueViolation,
  resolveOrganisationInput,
  uniqueSlug,
} from './organisations.service.js';

const asLocale = (l: string): Locale => (l === 'en' || l === 'ar' ? l : 'it');

function requireAcceptances(input: ApplicationInput): void {
  if (input.acceptCommitments !== true) throw fieldError('acceptCommitments', 'must_be_accepted');
  if (input.acceptPrivacy !== true) throw fieldError('acceptPrivacy', 'must_be_accepted');
}

function requireStaff(actor: Actor | null): Actor {
  if (!actor) throw new AppError('UNAUTHENTICATED', 'Log in first');
  if (!isStaff(actor)) throw new AppError('FORBIDDEN', 'Only staff may review applications');
  return actor;
}

export async function apply(
  ctx: AppContext,
  input: ApplicationInput,
): Promise<{ id: string; status: ApplicationStatus }> {
  requireAcceptances(input);
  const { values, fieldIds } = await resolveOrganisationInput(ctx, input.organisation, {
    prefix: 'organisation.',
  });
  try {
    return await ctx.db.transaction().execute(async (tx) => {
      const slug = await uniqueSlug(tx, input.organisation.name);
      const organisationId = await repo.insertOrganisation(tx, {
        ...(values as repo.OrganisationValues),
        modules: [...new Set(input.modules)],
        slug,
        status: 'applicant',
      });
      await repo.replaceOrganisationFields(tx, organisationId, fieldIds ?? []);
      await addOrganisationSearchWords(tx, values);
      const id = await repo.insertApplication(tx, {
        organisation_id: organisationId,
        contact_name: input.contact.name,
        contact_email: input.contact.email,
        contact_phone: input.contact.phone,
        contact_role: input.contact.role,
        contact_locale: input.contact.locale,
        message: input.message,
      });
      await recordAudit(tx, {
        entityType: 'application',
        entityId: id,
        action: 'submitted',
        toStatus: 'submitted',
      });
      const mail = applicationReceivedMail(input.contact.locale, {
        contactName: input.contact.name,
        organisationName: input.organisation.name,
        networkName: ctx.config.networkName,
      });
      await enqueueMail(tx, {
        to: input.contact.email,
        ...mail,
        locale: input.contact.locale,
        template: 'organisations.application_received',
      });
      return { id, status: 'submitted' as const };
    });
  } catch (err) {
    return mapUniqueViolation(err);
  }
}

export async function listApplicationsForStaff(
  ctx: AppContext,
  actor: Actor | null,
  status: ApplicationStatus | undefined,
): Promise<ApplicationList> {
  requireStaff(actor);
  const [rows, counts] = await Promise.all([
    repo.listApplications(ctx.db, status),
    repo.countApplicationsByStatus(ctx.db),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      status: r.status,
      organisationName: r.organisation_name,
      organisationSlug: r.organisation_slug,
      kind: r.kind as ApplicationList['items'][number]['kind'],
      regionName: r.region_name,
      contactName: r.contact_name,
      contactEmail: r.contact_email,
      submittedAt: r.submitted_at.toISOString(),
      reviewedAt: r.reviewed_at ? r.reviewed_at.toISOString() : null,
    })),
    counts: {
      submitted: counts.get('submitted') ?? 0,
      changes_requested: counts.get('changes_requested') ?? 0,
      approved: counts.get('approved') ?? 0,
      rejected: counts.get('rejected') ?? 0,
    },
  };
}

/** Staff always; the applicant only with the edit token of a pending change request. */
async function readableApplication(
  ctx: AppContext,
  actor: Actor | null,
  id: string,
  token: string | undefined,
) {
  const app = await repo.findApplication(ctx.db, id);
  if (isStaff(actor)) {
    if (!app) throw new AppError('NOT_FOUND', 'No such application');
    return app;
  }
  if (token === undefined) {
    if (!actor) throw new AppError('UNAUTHENTICATED', 'Log in first');
    throw new AppError('FORBIDDEN', 'Only staff may read applications');
  }
  if (app?.status !== 'changes_requested' || app.edit_token_hash !== hashToken(token)) {
    throw new AppError('INVALID_TOKEN', 'This link is not valid any more');
  }
  return app;
}

export async function applicationDetail(
  ctx: AppContext,
  actor: Actor | null,
  id: string,
  token?: string,
): Promise<ApplicationDetail> {
  const app = await readableApplication(ctx, actor, id, token);
  const org = await repo.findOrganisationById(ctx.db, app.organisation_id);
  if (!org) throw new AppError('NOT_FOUND', 'No such application');
  const fields = await repo.fieldSlugsOf(ctx.db, [org.id]);
  // The applicant sees its own application's history; staff see the organisation's too.
  const history = await auditEntries(ctx.db, [
    { entityType: 'application', entityId: app.id },
    ...(isStaff(actor) ? [{ entityType: 'organisation', entityId: org.id }] : []),
  ]);
  return {
    id: app.id,
    status: app.status,
    organisation: {
      id: org.id,
      slug: org.slug,
      status: org.status,
      name: org.name,
      acronym: org.acronym,
      kind: org.kind as ApplicationDetail['organisation']['kind'],
      legalForm: org.legal_form as ApplicationDetail['organisation']['legalForm'],
      taxCode: org.tax_code,
      runtsNumber: org.runts_number,
      address: org.address,
      postalCode: org.postal_code,
      municipality: org.municipality,
      provinceCode: org.province_code,
      regionCode: org.region_code,
      regionName: org.region_name,
      website: org.website,
      email: org.email,
      phone: org.phone,
      fieldSlugs: fields.get(org.id) ?? [],
      languages: org.languages,
      description: org.description,
      visible: org.visible,
      logoFileId: org.logo_file_id,
      logoUrl: org.logo_file_id ? fileUrl(org.logo_file_id) : null,
    },
    contact: {
      name: app.contact_name,
      email: app.contact_email,
      phone: app.contact_phone,
      role: app.contact_role,
      locale: asLocale(app.contact_locale),
    },
    modules: org.modules as MembershipModule[],
    message: app.message,
    reviewNote: app.review_note,
    submittedAt: app.submitted_at.toISOString(),
    reviewedAt: app.reviewed_at ? app.reviewed_at.toISOString() : null,
    history: history.map((h) => (isStaff(actor) ? h : { ...h, actorName: null })),
  };
}

/** Locks the application and checks the transition; illegal ones are a 409 INVALID_STATE. */
async function transition(tx: Tx, id: string, from: ApplicationStatus[], to: ApplicationStatus) {
  const app = await repo.lockApplication(tx, id);
  if (!app) throw new AppError('NOT_FOUND', 'No such application');
  if (!from.includes(app.status)) {
    throw new AppError('INVALID_STATE', `An application that is ${app.status} cannot become ${to}`, {
      from: app.status,
      to,
    });
  }
  const org = await repo.findOrganisationById(tx, app.organisation_id);
  if (!org) throw new AppError('NOT_FOUND', 'No such application');
  return { app, org };
}

export async function approveApplication(
  ctx: AppContext,
  actor: Actor | null,
  id: string,
  note: string | null,
) {
  const staff = requireStaff(actor);
  await ctx.db.transaction().execute(async (tx) => {
    const { app, org } = await transition(tx, id, ['submitted'], 'approved');
    if (org.status !== 'applicant') {
      throw new AppError('INVALID_STATE', `The organisation is ${org.status}`, {
        from: org.status,
        to: 'member',
      });
    }
    const now = new Date();
    await repo.updateApplication(tx, id, {
      status: 'approved',
      review_note: note,
      reviewed_by: staff.userId,
      reviewed_at: now,
      edit_token_hash: null,
    });
    await repo.updateOrganisation(tx, org.id, { status: 'member', joined_at: now });
    const locale = asLocale(app.contact_locale);
    const invite = await inviteUser(tx, {
      email: app.contact_email,
      name: app.contact_name,
      locale,
      data: { organisationId: org.id },
    });
    await repo.upsertMember(tx, org.id, invite.userId, 'org_admin');
    const base = ctx.config.publicUrl;
    const mail = applicationApprovedMail(locale, {
      contactName: app.contact_name,
      organisationName: org.name,
      networkName: ctx.config.networkName,
      note,
      newAccount: invite.token !== null,
      link: invite.token ? `${base}/invitation?token=${encodeURIComponent(invite.token)}` : `${base}/login`,
    });
    await enqueueMail(tx, {
      to: app.contact_email,
      ...mail,
      locale,
      template: 'organisations.application_approved',
    });
    await recordAudit(tx, {
      entityType: 'application',
      entityId: id,
      action: 'approved',
      fromStatus: app.status,
      toStatus: 'approved',
      note,
      actorUserId: staff.userId,
    });
    await recordAudit(tx, {
      entityType: 'organisation',
      entityId: org.id,
      action: 'joined',
      fromStatus: org.status,
      toStatus: 'member',
      note,
      actorUserId: staff.userId,
    });
  });
  return { id, status: 'approved' as const };
}

export async function rejectApplication(ctx: AppContext, actor: Actor | null, id: string, note: string) {
  const staff = requireStaff(actor);
  if (!note.trim()) throw fieldError('note', 'required');
  await ctx.db.transaction().execute(async (tx) => {
    const { app, org } = await transition(tx, id, ['submitted', 'changes_requested'], 'rejected');
    await repo.updateApplication(tx, id, {
      status: 'rejected',
      review_note: note,
      reviewed_by: staff.userId,
      reviewed_at: new Date(),
      edit_token_hash: null,
    });
    if (org.status === 'applicant') await repo.updateOrganisation(tx, org.id, { status: 'rejected' });
    const locale = asLocale(app.contact_locale);
    const mail = applicationRejectedMail(locale, {
      contactName: app.contact_name,
      organisationName: org.name,
      networkName: ctx.config.networkName,
      note,
    });
    await enqueueMail(tx, {
      to: app.contact_email,
      ...mail,
      locale,
      template: 'organisations.application_rejected',
    });
    await recordAudit(tx, {
      entityType: 'application',
      entityId: id,
      action: 'rejected',
      fromStatus: app.status,
      toStatus: 'rejected',
      note,
      actorUserId: staff.userId,
    });
    if (org.status === 'applicant') {
      await recordAudit(tx, {
        entityType: 'organisation',
        entityId: org.id,
        action: 'rejected',
        fromStatus: 'applicant',
        toStatus: 'rejected',
        note,
        actorUserId: staff.userId,
      });
    }
  });
  return { id, status: 'rejected' as const };
}

export async function requestChanges(ctx: AppContext, actor: Actor | null, id: string, note: string) {
  const staff = requireStaff(actor);
  if (!note.trim()) throw fieldError('note', 'required');
  await ctx.db.transaction().execute(async (tx) => {
    const { app, org } = await transition(tx, id, ['submitted'], 'changes_requested');
    // Only the hash is stored: whoever reads the database cannot edit the application.
    const token = newToken();
    await repo.updateApplication(tx, id, {
      status: 'changes_requested',
      review_note: note,
      reviewed_by: staff.userId,
      reviewed_at: new Date(),
      edit_token_hash: hashToken(token),
    });
    const locale = asLocale(app.contact_locale);
    const mail = changesRequestedMail(locale, {
      contactName: app.contact_name,
      organisationName: org.name,
      networkName: ctx.config.networkName,
      note,
      link: `${ctx.config.publicUrl}/join/edit/${id}?token=${encodeURIComponent(token)}`,
    });
    await enqueueMail(tx, {
      to: app.contact_email,
      ...mail,
      locale,
      template: 'organisations.changes_requested',
    });
    await recordAudit(tx, {
      entityType: 'application',
      entityId: id,
      action: 'changes_requested',
      fromStatus: app.status,
      toStatus: 'changes_requested',
      note,
      actorUserId: staff.userId,
    });
  });
  return { id, status: 'changes_requested' as const };
}

export async function resubmitApplication(
  ctx: AppContext,
  id: string,
  token: string | undefined,
  input: ApplicationInput,
): Promise<{ id: string; status: ApplicationStatus }> {
  if (!token) throw fieldError('token', 'required', 'INVALID_TOKEN');
  const current = await repo.findApplication(ctx.db, id);
  if (!current || current.edit_token_hash !== hashToken(token)) {
    throw new AppError('INVALID_TOKEN', 'This link is not valid any more');
  }
  requireAcceptances(input);
  const { values, fieldIds } = await resolveOrganisationInput(ctx, input.organisation, {
    prefix: 'organisation.',
    organisationId: current.organisation_id,
  });
  try {
    await ctx.db.transaction().execute(async (tx) => {
      const { app, org } = await transition(tx, id, ['changes_requested'], 'submitted');
      if (app.edit_token_hash !== hashToken(token))
        throw new AppError('INVALID_TOKEN', 'This link is not valid any more');
      const now = new Date();
      await repo.updateOrganisation(tx, org.id, { ...values, modules: [...new Set(input.modules)] });
      await repo.replaceOrganisationFields(tx, org.id, fieldIds ?? []);
      await addOrganisationSearchWords(tx, values);
      await repo.updateApplication(tx, id, {
        status: 'submitted',
        contact_name: input.contact.name,
        contact_email: input.contact.email,
        contact_phone: input.contact.phone,
        contact_role: input.contact.role,
        contact_locale: input.contact.locale,
        message: input.message,
        commitments_accepted_at: now,
        privacy_accepted_at: now,
        submitted_at: now,
        edit_token_hash: null,
      });
      await recordAudit(tx, {
        entityType: 'application',
        entityId: id,
        action: 'resubmitted',
        fromStatus: app.status,
        toStatus: 'submitted',
      });
    });
  } catch (err) {
    mapUniqueViolation(err);
  }
  return { id, status: 'submitted' };
}
