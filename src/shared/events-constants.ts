// Constant lists of the events module without zod, so web code can import them cheaply.

export const EVENT_KINDS = [
  'national_event',
  'local_event',
  'webinar',
  'meeting',
  'training_session',
  'focus_group',
] as const;
export const EVENT_FORMATS = ['in_person', 'online', 'hybrid'] as const;
export const EVENT_STATUSES = ['draft', 'proposed', 'published', 'cancelled'] as const;
export const EVENT_AUDIENCES = ['public', 'members', 'programme', 'invitation'] as const;
export const REGISTRATION_STATUSES = [
  'pending',
  'confirmed',
  'waitlisted',
  'cancelled',
  'attended',
  'no_show',
] as const;
/** How a registered person takes part: in person or online (hybrid events have a capacity for each). */
export const ATTENDANCE_MODES = ['in_person', 'online'] as const;
/** Extra questions an event may ask on its registration form. */
export const EVENT_QUESTIONS = ['accessibility', 'interpretation', 'dietary', 'free_text'] as const;

export const DEFAULT_EVENT_TIME_ZONE = 'Europe/Rome';
export const MATERIAL_MAX_BYTES = 20 * 1024 * 1024;
export const COVER_MAX_BYTES = 5 * 1024 * 1024;
/** Document types accepted as materials (checked by content on the server). */
export const MATERIAL_EXTENSIONS = ['pdf', 'docx', 'xlsx', 'pptx', 'odt', 'png', 'jpg', 'webp'] as const;

/**
 * Web pages the server links to from mails (the web app must serve them):
 * - event page: `/events/:id`
 * - guest confirmation: `/events/registrations/confirm?token=…` → POST /api/v1/registrations/confirm
 * - manage a registration without logging in (see QR, cancel): `/events/registrations/manage?token=…`
 * - feedback after the event: `/events/:id/feedback` (logged in) or `…/feedback?token=…` (guests)
 */
export const EVENT_WEB_PATHS = {
  event: (id: string) => `/events/${id}`,
  confirm: (token: string) => `/events/registrations/confirm?token=${encodeURIComponent(token)}`,
  manage: (token: string) => `/events/registrations/manage?token=${encodeURIComponent(token)}`,
  feedback: (id: string, token?: string) =>
    `/events/${id}/feedback${token ? `?token=${encodeURIComponent(token)}` : ''}`,
} as const;
