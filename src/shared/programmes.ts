// Schemas of the programmes module (programmes, editions, staff roles, participating organisations).
import { z } from 'zod';

export const ProgrammeStaffRoleSchema = z.enum(['project_manager', 'liaison_officer', 'trainer', 'expert']);
export type ProgrammeStaffRole = z.infer<typeof ProgrammeStaffRoleSchema>;
export const PROGRAMME_STAFF_ROLES = ProgrammeStaffRoleSchema.options;

const IsoDate = z.iso.date();
/** Translatable text: language code → text. The network's default language (it) is required on create. */
export const ProgrammeDescriptionSchema = z.record(z.string().regex(/^[a-z]{2}$/), z.string().max(10_000));

export const ProgrammeSummary = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  year: z.number().int().nullable(),
  startsOn: IsoDate.nullable(),
  endsOn: IsoDate.nullable(),
  parentSlug: z.string().nullable(),
  organisationCount: z.number().int(),
});
export type ProgrammeSummary = z.infer<typeof ProgrammeSummary>;

export const ProgrammeList = z.object({ items: z.array(ProgrammeSummary) });
export type ProgrammeList = z.infer<typeof ProgrammeList>;

export const ProgrammeStaffMember = z.object({
  userId: z.uuid(),
  name: z.string(),
  role: ProgrammeStaffRoleSchema,
});
export type ProgrammeStaffMember = z.infer<typeof ProgrammeStaffMember>;

export const ProgrammeOrganisation = z.object({
  slug: z.string(),
  name: z.string(),
  regionName: z.string().nullable(),
});
export type ProgrammeOrganisation = z.infer<typeof ProgrammeOrganisation>;

export const ProgrammeDetail = ProgrammeSummary.extend({
  description: z.record(z.string(), z.string()),
  editions: z.array(ProgrammeSummary),
  staff: z.array(ProgrammeStaffMember),
  organisations: z.array(ProgrammeOrganisation),
});
export type ProgrammeDetail = z.infer<typeof ProgrammeDetail>;

const ProgrammeFields = {
  name: z.string().trim().min(2).max(200),
  year: z.number().int().min(1900).max(2200).nullable().optional(),
  startsOn: IsoDate.nullable().optional(),
  endsOn: IsoDate.nullable().optional(),
  parentSlug: z.string().min(1).max(120).nullable().optional(),
};

export const CreateProgrammeBody = z.object({
  ...ProgrammeFields,
  description: ProgrammeDescriptionSchema.refine((d) => (d.it ?? '').trim().length > 0, {
    message: 'Italian description required',
    path: ['it'],
  }),
});
export type CreateProgrammeBody = z.infer<typeof CreateProgrammeBody>;

export const UpdateProgrammeBody = z.object({
  name: ProgrammeFields.name.optional(),
  year: ProgrammeFields.year,
  startsOn: ProgrammeFields.startsOn,
  endsOn: ProgrammeFields.endsOn,
  parentSlug: ProgrammeFields.parentSlug,
  description: ProgrammeDescriptionSchema.optional(),
});
export type UpdateProgrammeBody = z.infer<typeof UpdateProgrammeBody>;

export const AddProgrammeStaffBody = z.object({ userId: z.uuid(), role: ProgrammeStaffRoleSchema });
export type AddProgrammeStaffBody = z.infer<typeof AddProgrammeStaffBody>;

export const AddProgrammeOrganisationBody = z.object({ organisationSlug: z.string().min(1).max(200) });
export type AddProgrammeOrganisationBody = z.infer<typeof AddProgrammeOrganisationBody>;

/** What an organisation's page shows about its programmes. */
export const OrganisationProgramme = z.object({
  slug: z.string(),
  name: z.string(),
  year: z.number().int().nullable(),
});
export type OrganisationProgramme = z.infer<typeof OrganisationProgramme>;
