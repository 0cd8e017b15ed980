// Schemas of the staff mail outbox view, shared by server routes and web.
import { z } from 'zod';

export const MailStatusSchema = z.enum(['pending', 'sent', 'failed']);
export type MailStatus = z.infer<typeof MailStatusSchema>;

export const OutboxQuery = z.object({
  to: z.string().trim().min(1).max(254).optional(),
  /** Opaque cursor: the `nextCursor` of the previous page. */
  before: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type OutboxQuery = z.infer<typeof OutboxQuery>;

export const OutboxItem = z.object({
  id: z.uuid(),
  to: z.string(),
  subject: z.string(),
  template: z.string(),
  locale: z.string(),
  status: MailStatusSchema,
  attempts: z.number().int(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  lastError: z.string().nullable(),
});
export type OutboxItem = z.infer<typeof OutboxItem>;

export const OutboxPage = z.object({ items: z.array(OutboxItem), nextCursor: z.string().nullable() });
export type OutboxPage = z.infer<typeof OutboxPage>;

export const OutboxMail = OutboxItem.extend({ text: z.string(), html: z.string().nullable() });
export type OutboxMail = z.infer<typeof OutboxMail>;
