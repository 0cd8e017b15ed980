// Schemas of network statistics, member export and member import.
import { z } from 'zod';

export const CountBucket = z.object({ value: z.string(), count: z.number().int(), percent: z.number() });
export type CountBucket = z.infer<typeof CountBucket>;
export const LabelledCountBucket = CountBucket.extend({ label: z.string() });
export type LabelledCountBucket = z.infer<typeof LabelledCountBucket>;

export const MemberStats = z.object({
  totalMembers: z.number().int(),
  byKind: z.array(CountBucket),
  byLegalForm: z.array(CountBucket),
  byRegion: z.array(LabelledCountBucket),
  applicationsByStatus: z.array(z.object({ value: z.string(), count: z.number().int() })),
  /** Last 24 months, oldest first; total = members joined up to the end of that month. */
  growth: z.array(
    z.object({ month: z.string().regex(/^\d{4}-\d{2}$/), joined: z.number().int(), total: z.number().int() }),
  ),
});
export type MemberStats = z.infer<typeof MemberStats>;

export const ImportQuery = z.object({
  // Query strings are text: only the literal "false" performs the import; anything else is a dry run.
  dryRun: z.enum(['true', 'false']).default('true'),
});
export type ImportQuery = z.infer<typeof ImportQuery>;

export const ImportAction = z.enum(['create', 'skip', 'error']);
export type ImportAction = z.infer<typeof ImportAction>;

export const ImportRowResult = z.object({
  /** Line of the spreadsheet, counting the header as row 1. */
  row: z.number().int(),
  name: z.string(),
  action: ImportAction,
  errors: z.array(z.object({ field: z.string(), message: z.string() })),
});
export type ImportRowResult = z.infer<typeof ImportRowResult>;

export const ImportResult = z.object({
  dryRun: z.boolean(),
  summary: z.object({ create: z.number().int(), skip: z.number().int(), error: z.number().int() }),
  rows: z.array(ImportRowResult),
});
export type ImportResult = z.infer<typeof ImportResult>;

export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 5000;
